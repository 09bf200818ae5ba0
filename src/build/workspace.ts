import { cp, lchown, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuilderImage } from './catalog.js';

/**
 * Where and as whom the build steps run. The builder container never runs
 * as root: it runs as the owner of the workspace (a runner's checkout
 * belongs to the runner user) with the workspace mounted, so what the build
 * writes is the owner's. A workspace that belongs to root (a root runner)
 * is copied first and the copy given to the builder's own non-root user.
 */
export interface BuildWorkspace {
  /** The host directory mounted at /workspace. */
  readonly dir: string;
  /** `uid:gid` the steps run as; never 0. */
  readonly user: string;
  /** True when `dir` is a copy of the context. */
  readonly copied: boolean;
  /** HOME for the steps when they do not run as the builder's own user (its HOME is not theirs). */
  readonly home: string | undefined;
}

/** Where the workspace is mounted inside the builder. */
export const CONTAINER_WORKSPACE = '/workspace';

export async function prepareWorkspace(
  context: string,
  builder: BuilderImage,
  tempDir: string,
): Promise<BuildWorkspace> {
  const owner = await lstat(context);
  if (owner.uid !== 0) return workspace(context, `${owner.uid}:${owner.gid}`, false, builder);

  const copy = join(tempDir, 'workspace');
  await cp(context, copy, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  const self = process.getuid?.() ?? 0;
  if (self !== 0) return workspace(copy, `${self}:${process.getgid?.() ?? self}`, true, builder);
  const [uid, gid] = builder.user.split(':').map(Number) as [number, number];
  await chownTree(copy, uid, gid);
  return workspace(copy, builder.user, true, builder);
}

function workspace(
  dir: string,
  user: string,
  copied: boolean,
  builder: BuilderImage,
): BuildWorkspace {
  return { dir, user, copied, home: user === builder.user ? undefined : '/tmp' };
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await lchown(path, uid, gid);
  const info = await lstat(path);
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), uid, gid);
}
