import { markdownTable, plural, writeSummary } from '../../../src/report/summary.js';
import { addViolations } from './policy-check.js';
import { describeSource } from '../../../src/policy/facts.js';
import type { PolicyOutcome } from '../../../src/policy/policy.js';
import type { BuildOutcome } from './stage.js';

/** The job summary: what was published, on which base, why, how big and how long it took. */
export async function writeBuildSummary(outcome: BuildOutcome): Promise<void> {
  await writeSummary((summary) => {
    summary.addHeading(`build-image: ${outcome.image}:${outcome.version}`, 3);
    summary.addRaw(
      markdownTable(
        ['', 'build-image'],
        [
          ['Image', `\`${outcome.image}\``],
          ['Tags', outcome.tags.map((tag) => `\`${tag}\``).join(', ') || '(none: not pushed)'],
          ['Digest', outcome.digest ? `\`${outcome.digest}\`` : '(not pushed)'],
          ['Base (runtime)', `\`${outcome.baseRef}\``],
          ['Builder', outcome.builderRef ? `\`${outcome.builderRef}\`` : '(no build steps)'],
          ['Reason', reasonText(outcome)],
          [
            'Size',
            outcome.sizeBytes === undefined ? '(not pushed)' : formatBytes(outcome.sizeBytes),
          ],
          [
            'Build time',
            outcome.rebuilt ? `${outcome.buildSeconds.toFixed(1)} s` : 'none (reused)',
          ],
          ['Content hash', `\`${outcome.contentHash}\``],
          ['Image policy', policyText(outcome.policy)],
          ['SBOM', sbomText(outcome)],
        ],
      ),
      true,
    );
    summary.addRaw('\n', true);
    if (outcome.policy?.violations.length) addViolations(summary, outcome.policy);
  });
}

function policyText(policy: PolicyOutcome | undefined): string {
  if (!policy) return 'none (the catalog sets no policy)';
  const read = policy.source
    ? `; ${plural(policy.packages, 'Debian package')} ${describeSource(policy.source)}`
    : '';
  if (policy.violations.length === 0) return `${policy.mode}: every rule met${read}`;
  return `${policy.mode}: ${policy.violations.length} rule(s) broken (${policy.violations.map((v) => v.rule).join(', ')})${read}`;
}

function sbomText(outcome: BuildOutcome): string {
  const sbom = outcome.sbom;
  if (!sbom) return outcome.digest ? 'none (sbom: false)' : 'none (not pushed)';
  if (!sbom.ref)
    return `**not pushed**: ${sbom.error ?? 'unknown error'} (the image is published without it)`;
  const how = sbom.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema';
  if (!sbom.pushed) return `\`${sbom.ref}\` (already there; found through the ${how})`;
  const lockfiles = sbom.lockfiles.length > 0 ? sbom.lockfiles.join(', ') : 'no lock file';
  return `\`${sbom.ref}\`: CycloneDX 1.6, ${plural(sbom.osPackages ?? 0, 'OS package')}, ${plural(sbom.dependencies ?? 0, 'dependency', 'dependencies')} (${lockfiles}); found through the ${how}`;
}

function reasonText(outcome: BuildOutcome): string {
  switch (outcome.reason) {
    case 'none':
      return 'none: an identical image already existed and was reused';
    case 'retag':
      return `retag: an identical image already existed; it was tagged with the new version ${outcome.version}`;
    case 'commit':
      return outcome.previous
        ? `commit: the sources differ from ${outcome.previous}`
        : 'commit: the first image of this app';
    case 'config':
      return `config: default.json or the catalog's settings differ from ${outcome.previous ?? 'the last image'}`;
    case 'base':
      return `base: a standard image changed since ${outcome.previous ?? 'the last image'}`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
