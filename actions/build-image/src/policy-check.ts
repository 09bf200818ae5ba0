import * as core from '@actions/core';
import { UserError } from '../../../src/errors.js';
import type { AppManifest } from '../../../src/manifest/index.js';
import { readImageFacts } from '../../../src/policy/facts.js';
import {
  evaluatePolicy,
  type ImagePolicy,
  type PolicyMode,
  type Violation,
} from '../../../src/policy/policy.js';
import { annotate } from '../../../src/report/annotations.js';
import { writePolicySummary } from './summary.js';
import type { Target } from './target.js';

export interface PolicyOutcome {
  readonly mode: PolicyMode;
  readonly violations: readonly Violation[];
  readonly packages: number;
}

/**
 * The catalog's image policy on the image just pushed (or reused), before
 * any version tag points at it: one annotation per broken rule; with
 * `enforce` the run stops there, so no version of the app names the image.
 */
export async function checkImagePolicy(
  target: Target,
  digest: string,
  policy: ImagePolicy | undefined,
  modeInput: 'catalog' | PolicyMode,
  manifest: AppManifest,
): Promise<PolicyOutcome | undefined> {
  if (!policy) return undefined;
  const mode = modeInput === 'catalog' ? policy.mode : modeInput;
  const facts = await readImageFacts(target.client, target.repository, digest);
  const violations = evaluatePolicy(policy, facts);
  const outcome = { mode, violations, packages: facts.packages.size };
  core.info(
    `Image policy (${mode}): ${violations.length === 0 ? 'every rule met' : `${violations.length} rule(s) broken`} (${facts.packages.size} Debian packages read from the image).`,
  );
  for (const violation of violations) {
    annotate(
      mode === 'enforce' ? 'error' : 'warning',
      `${target.name}@${digest}: ${violation.message}\nFix: ${violation.fix}`,
      { file: manifest.file },
      `Image policy: ${violation.rule}`,
    );
  }
  if (mode === 'enforce' && violations.length > 0) {
    await writePolicySummary(`${target.name}@${digest}`, outcome);
    throw new UserError(
      `The image ${target.name}@${digest} breaks the platform's image policy (${violations.map((v) => v.rule).join(', ')}); no version tag was made.`,
      {
        fix: 'fix what each "Image policy" annotation says; set the input "policy: warn" to publish anyway while you do.',
      },
    );
  }
  return outcome;
}
