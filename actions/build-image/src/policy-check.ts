import * as core from '../../../src/core.js';
import { UserError } from '../../../src/errors.js';
import type { AppManifest } from '../../../src/manifest/index.js';
import { describeSource } from '../../../src/policy/facts.js';
import {
  evaluatePolicy,
  type ImageFacts,
  type ImagePolicy,
  type PolicyMode,
  type PolicyOutcome,
} from '../../../src/policy/policy.js';
import { annotate } from '../../../src/report/annotations.js';
import {
  markdownTable,
  plural,
  writeSummary,
  type SummaryBuilder,
} from '../../../src/report/summary.js';
import type { Target } from './target.js';

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
  readFacts: () => Promise<ImageFacts>,
): Promise<PolicyOutcome | undefined> {
  if (!policy) return undefined;
  const mode = modeInput === 'catalog' ? policy.mode : modeInput;
  const facts = await readFacts();
  const violations = evaluatePolicy(policy, facts);
  const outcome = { mode, violations, packages: facts.packages.size, source: facts.source };
  core.info(
    `Image policy (${mode}): ${violations.length === 0 ? 'every rule met' : `${violations.length} rule(s) broken`} (${plural(facts.packages.size, 'Debian package')} ${facts.source ? describeSource(facts.source) : 'read from the image'}).`,
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

/** The summary of a run the policy stopped: which rules the image broke. */
export async function writePolicySummary(image: string, policy: PolicyOutcome): Promise<void> {
  await writeSummary((summary) => {
    summary.addHeading(`build-image: ${image} breaks the image policy`, 3);
    addViolations(summary, policy);
  });
}

export function addViolations(summary: SummaryBuilder, policy: PolicyOutcome): void {
  summary.addRaw(
    markdownTable(
      ['Rule', policy.mode === 'enforce' ? 'Violation (enforced)' : 'Violation (warning)', 'Fix'],
      policy.violations.map((v) => [v.rule, v.message, v.fix]),
    ),
    true,
  );
  summary.addRaw('\n', true);
}
