/**
 * The platform's image policy, checked on every image build-image makes (the
 * counterpart, at build time, of an admission policy such as Anchore's):
 * the catalog's `policy:` section says which rules apply and whether a
 * violation fails the build (`enforce`) or is only reported (`warn`).
 */

import type { DebianPackage, OsRelease } from './packages.js';

export const POLICY_MODES = ['enforce', 'warn'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

export interface ImagePolicy {
  readonly mode: PolicyMode;
  /** The image's user must be set and not uid 0 / root. */
  readonly nonRoot: boolean;
  /** Every base (runtime, builder) must be recorded with a digest. */
  readonly pinnedBases: boolean;
  /** Labels every image must carry, with a non-empty value. */
  readonly requiredLabels: readonly string[];
  /** Debian package names that must not be installed in the image. */
  readonly bannedPackages: readonly string[];
  /** Upper bound of the compressed image size, in MiB. */
  readonly maxSizeMiB: number | undefined;
}

/** What is known about a built image, read back from the registry. */
export interface ImageFacts {
  /** The image manifest the facts were read from (the platform's, for an index). */
  readonly manifestDigest?: string;
  /** The config's User ("" when unset: root). */
  readonly user: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Installed Debian packages by name, from the image's dpkg database. */
  readonly packages: ReadonlyMap<string, DebianPackage>;
  /** The distribution (os-release); undefined for images without one. */
  readonly os?: OsRelease | undefined;
  /** Compressed size of config and layers. */
  readonly sizeBytes: number;
  /** Where the packages and distribution were read (src/policy/facts.ts). */
  readonly source?: FactsSource;
}

/**
 * The image's own SBOM (the manifest digest of it), or its layers (how many
 * were fetched, and why its SBOM was not used when one was looked for).
 */
export type FactsSource =
  | { readonly from: 'sbom'; readonly digest: string }
  | { readonly from: 'layers'; readonly layers: number; readonly sbomUnused?: string };

export type PolicyRule =
  'non-root' | 'pinned-bases' | 'required-labels' | 'banned-packages' | 'size';

export interface Violation {
  readonly rule: PolicyRule;
  readonly message: string;
  readonly fix: string;
}

const BASE_LABELS = [
  ['org.opencontainers.image.base.name', 'org.opencontainers.image.base.digest'],
  ['io.github.pipeline-actions.builder.name', 'io.github.pipeline-actions.builder.digest'],
] as const;

/** The policy's result on one image. */
export interface PolicyOutcome {
  readonly mode: PolicyMode;
  readonly violations: readonly Violation[];
  /** How many Debian packages were read from the image. */
  readonly packages: number;
  /** Where they were read. */
  readonly source?: FactsSource;
}

/** Every rule the image breaks, one violation per rule, in a fixed order. */
export function evaluatePolicy(policy: ImagePolicy, facts: ImageFacts): Violation[] {
  const violations: Violation[] = [];
  if (policy.nonRoot && isRoot(facts.user)) {
    violations.push({
      rule: 'non-root',
      message: `the image runs as ${facts.user ? `"${facts.user}"` : 'root (no USER set)'}.`,
      fix: 'use a runtime whose catalog entry names a non-root uid:gid, such as "10001:10001".',
    });
  }
  if (policy.pinnedBases) {
    const unpinned = BASE_LABELS.filter(
      ([name, digest]) =>
        facts.labels[name] !== undefined &&
        !/^sha256:[0-9a-f]{64}$/.test(facts.labels[digest] ?? ''),
    ).map(([name]) => facts.labels[name]);
    if (facts.labels[BASE_LABELS[0][0]] === undefined)
      unpinned.unshift('(the runtime is not recorded)');
    if (unpinned.length > 0) {
      violations.push({
        rule: 'pinned-bases',
        message: `bases not recorded with a digest: ${unpinned.join(', ')}.`,
        fix: 'pin every image of the catalog by digest (scripts/pin-catalog.ts).',
      });
    }
  }
  const missing = policy.requiredLabels.filter((label) => !facts.labels[label]?.trim());
  if (missing.length > 0) {
    violations.push({
      rule: 'required-labels',
      message: `labels missing or empty: ${missing.join(', ')}.`,
      fix: 'build from a GitHub workflow (it sets source and revision), or ask the platform team which labels are required and how to set them.',
    });
  }
  const banned = policy.bannedPackages.filter((name) => facts.packages.has(name));
  if (banned.length > 0) {
    violations.push({
      rule: 'banned-packages',
      message: `banned packages installed: ${banned.map((name) => `${name} ${facts.packages.get(name)?.version}`).join(', ')}.`,
      fix: 'remove them from the image (a standard runtime never has them; a deb package of the app must not depend on them).',
    });
  }
  if (policy.maxSizeMiB !== undefined && facts.sizeBytes > policy.maxSizeMiB * 1024 * 1024) {
    violations.push({
      rule: 'size',
      message: `the image is ${(facts.sizeBytes / 1024 / 1024).toFixed(1)} MiB compressed, over the budget of ${policy.maxSizeMiB} MiB.`,
      fix: 'put only what the app needs at run time into "artifacts" (no build caches, tests or sources).',
    });
  }
  return violations;
}

function isRoot(user: string): boolean {
  const name = user.split(':')[0] ?? '';
  return name === '' || name === '0' || name === 'root';
}
