import { existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import * as core from '../core.js';
import { UserError } from '../errors.js';
import { maskSecret } from '../report/redact.js';
import { ProfileGit } from './git.js';

/**
 * Where the profile comes from. A directory or archive in the repository is
 * used as it is; an archive URL is handed to InSpec (it downloads it); a git
 * repository is fetched at the pinned ref first, because InSpec's command
 * line cannot choose a ref.
 */
export type ProfileSpec =
  | { kind: 'directory'; path: string; display: string }
  | { kind: 'archive'; path: string; display: string }
  | { kind: 'archive-url'; url: string; display: string }
  | { kind: 'git'; url: string; ref: string; display: string };

export interface ResolvedProfile {
  /** What InSpec is given: a local path or an archive URL. */
  argument: string;
  /** The profile directory on disk when there is one, to locate its files. */
  directory: string | undefined;
  display: string;
  /** The commit a git profile was fetched at. */
  commit?: string;
}

const ARCHIVE = /\.(tar\.gz|tgz|zip)$/i;
const HTTPS_URL = /^https:\/\//i;
const SCP_LIKE_GIT = /^[\w.-]+@[\w.-]+:[^\s]+$/;
const SAFE_REF = /^[A-Za-z0-9._/-]+$/;

const FORMS =
  'a directory in the repository (compliance/profile), a .tar.gz made by `inspec archive`, or a git URL pinned to a ref (https://github.com/org/profile.git#v1.2.0)';

export function parseProfileSpec(text: string, workspace: string): ProfileSpec {
  const value = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || SCP_LIKE_GIT.test(value)) {
    return parseRemote(value);
  }
  const path = resolve(workspace, value);
  const display = relative(workspace, path) || '.';
  if (!existsSync(path)) {
    throw new UserError(`Profile "${value}" was not found (looked for ${path}).`, {
      fix: `check the \`profile\` input, and that actions/checkout ran before this step. A profile is ${FORMS}.`,
    });
  }
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'inspec.yml'))) {
      throw new UserError(`Profile "${value}" is a directory without an inspec.yml.`, {
        fix: 'point at the profile directory itself (the one holding inspec.yml and controls/).',
        location: { file: display },
      });
    }
    return { kind: 'directory', path, display };
  }
  if (ARCHIVE.test(path)) return { kind: 'archive', path, display };
  throw new UserError(`Profile "${value}" is a file but not a profile archive.`, {
    fix: `give ${FORMS}.`,
    location: { file: display },
  });
}

function parseRemote(value: string): ProfileSpec {
  const hash = value.indexOf('#');
  const url = hash === -1 ? value : value.slice(0, hash);
  const ref = hash === -1 ? '' : value.slice(hash + 1);
  const display = hideCredentials(url) + (ref ? `#${ref}` : '');
  const isSsh = /^ssh:\/\//i.test(url) || SCP_LIKE_GIT.test(url);
  if (!HTTPS_URL.test(url) && !isSsh) {
    throw new UserError(
      `Profile "${display}" uses a transport inspec-verify does not fetch from.`,
      {
        fix: 'use an https:// or ssh:// URL (git@host:org/repo.git works too).',
      },
    );
  }
  if (!ref && ARCHIVE.test(new URL(isSsh ? 'https://x' : url).pathname)) {
    return { kind: 'archive-url', url, display };
  }
  if (!ref) {
    throw new UserError(`Profile "${display}" is not pinned to a version.`, {
      fix: 'add the tag, branch or commit after "#", e.g. https://github.com/org/profile.git#v1.2.0, or use a versioned .tar.gz made by `inspec archive`.',
    });
  }
  if (!SAFE_REF.test(ref) || ref.startsWith('-') || ref.includes('..')) {
    throw new UserError(
      `The ref "${ref}" of profile ${display} is not a valid tag, branch or commit.`,
      {
        fix: 'use letters, digits, ".", "_", "-" and "/" only.',
      },
    );
  }
  return { kind: 'git', url, ref, display };
}

/** Masks and hides a token written into a URL (https://x-access-token:TOKEN@host/…). */
function hideCredentials(url: string): string {
  const match = /^(\w+:\/\/)([^@/]+)@/.exec(url);
  if (!match?.[2]) return url;
  const [user, password] = match[2].split(':');
  if (password) maskSecret(password);
  else if (user) maskSecret(user); // a bare token as user name
  return url.replace(match[2], '***');
}

export async function resolveProfile(
  spec: ProfileSpec,
  scratch: string,
  git: ProfileGit = new ProfileGit(),
): Promise<ResolvedProfile> {
  switch (spec.kind) {
    case 'directory':
      return { argument: spec.path, directory: spec.path, display: spec.display };
    case 'archive':
      return { argument: spec.path, directory: undefined, display: spec.display };
    case 'archive-url':
      return { argument: spec.url, directory: undefined, display: spec.display };
    case 'git': {
      const dir = await mkdtemp(join(scratch, 'profile-'));
      const commit = await git.fetchRef(spec.url, spec.ref, dir, spec.display);
      core.info(`Fetched profile ${spec.display} at commit ${commit}.`);
      return { argument: dir, directory: dir, display: spec.display, commit };
    }
  }
}
