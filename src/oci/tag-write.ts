import { UserError } from '../errors.js';

/**
 * The one way a version tag is written (build-image's image tags, helm-push's
 * chart versions): only while the tag still points where the caller saw it,
 * and proved by reading it back.
 *
 * 1. The tag is read just before the write; if it moved since the caller
 *    decided (another run published the version), nothing is written.
 * 2. The write carries the same condition as HTTP preconditions
 *    (`If-None-Match: *` for a free tag, `If-Match: "<digest>"` for a
 *    replacement); a registry that honours them refuses a lost race with 412.
 * 3. The tag is read back: it must hold what we wrote.
 *
 * The OCI distribution API has no compare-and-swap, and registries that
 * ignore the preconditions (distribution 2.8 among them) leave one window:
 * a writer whose check came before our write and whose write lands after our
 * read-back. Both runs then read back their own digest. Everything else,
 * including two writes that both land before either read-back, ends in
 * exactly one `created` and one conflict naming the winner's digest.
 */

/** How the write should be conditioned: on a free tag, or on the digest it holds. */
export type TagCondition = { free: true } | { digest: string };

export interface TagWrite {
  /** A RegistryClient: where the tag points now, undefined when it does not exist. */
  client: {
    registry: string;
    headManifest(repository: string, tag: string): Promise<{ digest: string } | undefined>;
  };
  repository: string;
  tag: string;
  /** Where the tag pointed when the caller decided to write: a digest, or undefined for free. */
  expected: string | undefined;
  /** Writes the tag; returns the digest written. `condition` goes on the request when it can. */
  write: (condition: TagCondition) => Promise<string>;
}

/** HTTP headers for a condition, for the manifest PUT. */
export function conditionHeaders(condition: TagCondition | undefined): Record<string, string> {
  if (!condition) return {};
  return 'free' in condition ? { 'if-none-match': '*' } : { 'if-match': `"${condition.digest}"` };
}

/** Thrown by a write whose precondition the registry refused (HTTP 412). */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
}

/** Writes the tag if it still points at `expected`; returns the digest it now holds (ours). */
export async function writeTagIfUnchanged(w: TagWrite): Promise<string> {
  const before = (await w.client.headManifest(w.repository, w.tag))?.digest;
  if (before !== w.expected) throw tagConflict(w, before, undefined);
  let written: string | undefined;
  try {
    written = await w.write(w.expected === undefined ? { free: true } : { digest: w.expected });
  } catch (error) {
    // A refused precondition may also be a retried write whose first attempt
    // landed: the read-back below tells which.
    if (!(error instanceof PreconditionFailed)) throw error;
  }
  const after = (await w.client.headManifest(w.repository, w.tag))?.digest;
  if (written === undefined || after !== written) throw tagConflict(w, after, written);
  return written;
}

/** A version tag that another writer holds (or took while we wrote). */
export function tagConflict(
  w: Pick<TagWrite, 'client' | 'repository' | 'tag' | 'expected'>,
  holder: string | undefined,
  ours: string | undefined,
): UserError {
  const where = `${w.client.registry}/${w.repository}:${w.tag}`;
  const was = w.expected ?? 'free';
  const now = holder ?? 'nothing (the tag was removed)';
  const lost = ours ? ` We wrote ${ours}, but the tag now holds ${now}` : ` It now holds ${now}`;
  return new UserError(
    `Another run published ${where} at the same time: the tag was ${was} when this run checked it.${lost}; this run did not publish it.`,
    {
      fix: `version tags are never overwritten: run the job again to publish the next free version (or raise the version), and check that the content ${holder ?? 'now there'} is the one you want under ${w.tag}. Runs that publish the same version should not run concurrently (a workflow \`concurrency\` group).`,
    },
  );
}
