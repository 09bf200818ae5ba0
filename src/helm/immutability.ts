import { UserError } from '../errors.js';
import { compareContent, describeDifference, type ChartContent } from './content.js';

/**
 * The rule that a published chart version never changes: what to do when the
 * version is already at the destination, decided from the content digest
 * (see content.ts), never from archive bytes or manifest digests.
 */

export const IF_EXISTS = ['skip', 'fail', 'overwrite'] as const;
export type IfExists = (typeof IF_EXISTS)[number];

export type Decision =
  | { action: 'push'; reason: 'new' }
  | { action: 'push'; reason: 'overwrite'; difference: string }
  | { action: 'keep'; reason: 'same' };

export interface Published {
  /** Where it is, for messages: `oci://host/path/chart:1.2.3`. */
  ref: string;
  version: string;
  /** Its content, or undefined when the version does not exist there. */
  content: ChartContent | undefined;
}

export function decide(ifExists: IfExists, ours: ChartContent, published: Published): Decision {
  const { content: theirs, ref, version } = published;
  if (!theirs) return { action: 'push', reason: 'new' };
  const same = theirs.digest === ours.digest;
  const difference = same ? '' : describeDifference(compareContent(ours, theirs));
  if (ifExists === 'fail') {
    throw new UserError(
      `Chart ${ours.name} version ${version} already exists at ${ref} (${same ? 'with the same content' : `with different content: ${difference}`}), and if-exists is fail.`,
      {
        fix: `publish a new version (bump \`version\` in Chart.yaml or the chart-version input)${same ? ', or set if-exists: skip to accept an identical re-publish as a no-op' : ''}.`,
      },
    );
  }
  if (same) return { action: 'keep', reason: 'same' };
  if (ifExists === 'overwrite') return { action: 'push', reason: 'overwrite', difference };
  throw new UserError(
    `Chart ${ours.name} version ${version} already exists at ${ref} with different content (${difference}); a published version is never replaced.`,
    {
      fix: `publish the change as a new version (bump \`version\` in Chart.yaml or the chart-version input); to replace ${version} on purpose, set if-exists: overwrite.`,
    },
  );
}
