import { relative, resolve } from 'node:path';
import { UserError, UserErrors } from '../errors.js';
import type { ResolvedProfile } from './profile-source.js';
import type { Inspec } from './tool.js';

/**
 * `check` before `exec`: a broken profile is reported at the file and line
 * `check` names (relative to the workspace when the profile is in it), and no
 * target is touched.
 */
export async function checkProfile(
  inspec: Inspec,
  profile: ResolvedProfile,
  argument: string,
  workspace: string,
): Promise<void> {
  const result = await inspec.check(argument, workspace);
  if (result.valid) return;
  const where = (file: string | undefined) =>
    file && profile.directory
      ? relative(workspace, resolve(profile.directory, file))
      : (file ?? profile.display);
  const errors = result.errors.map(
    (e) =>
      new UserError(`${e.control_id ? `control ${e.control_id}: ` : ''}${e.msg}`, {
        location: {
          file: where(e.file),
          ...(e.line ? { line: e.line } : {}),
          ...(e.column ? { column: e.column } : {}),
        },
      }),
  );
  const how = `run \`${inspec.product} check ${profile.display}\` locally and fix what it reports.`;
  if (errors.length === 0) {
    throw new UserError(
      `The profile ${profile.display} fails \`${inspec.product} check\`: ${result.raw || 'no details'}`,
      { fix: how },
    );
  }
  throw new UserErrors(
    `The profile ${profile.display} fails \`${inspec.product} check\` (nothing was run):`,
    errors,
  );
}

/** A profile in the repository is given as written (InSpec then writes short refs); others as resolved. */
export function profileArgument(profile: ResolvedProfile, workspace: string): string {
  if (!profile.directory) return profile.argument;
  const inRepo = relative(workspace, profile.directory);
  return inRepo && !inRepo.startsWith('..') && !inRepo.startsWith('-') ? inRepo : profile.argument;
}
