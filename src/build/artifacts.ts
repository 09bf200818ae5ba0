import { chmod, copyFile, lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, matchesGlob, relative, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { UserError } from '../errors.js';

/**
 * Collects the manifest's `artifacts` from the repository (after the build)
 * into a staging directory, the way Dockerfile COPY places them: a file
 * lands under its own name, a directory's contents land directly. Globs
 * (`build/libs/*.jar`, `docs/**`) are matched without following links.
 * Nothing may come from outside the repository, symbolic links included: a
 * link is followed only when its target resolves inside the repository, and
 * its target's content is copied. Two artifacts that land on the same path
 * are an error, never a silent overwrite. `.git` is never copied.
 */

export interface CollectedArtifacts {
  files: number;
  bytes: number;
}

export const MAX_ARTIFACT_FILES = 100_000;
const GLOB_CHARS = /[*?[\]{}]/;

interface Collection {
  root: string;
  realRoot: string;
  dest: string;
  manifestFile: string;
  /** Destination path → the repository path it came from. */
  placed: Map<string, string>;
  bytes: number;
}

export async function collectArtifacts(
  root: string,
  patterns: readonly string[],
  dest: string,
  manifestFile: string,
): Promise<CollectedArtifacts> {
  const collection: Collection = {
    root,
    realRoot: await realpath(root),
    dest,
    manifestFile,
    placed: new Map(),
    bytes: 0,
  };
  await mkdir(dest, { recursive: true, mode: 0o755 });
  for (const pattern of patterns) {
    const normalized = normalizePattern(pattern, manifestFile);
    const matches = await matchPattern(root, normalized);
    if (matches.length === 0) {
      throw new UserError(
        `Artifact "${pattern}" matched nothing in the repository after the build.`,
        {
          fix: 'check that the build writes it at that path (relative to the repository root), or correct the path in "artifacts".',
          location: { file: manifestFile },
        },
      );
    }
    for (const match of matches) await placeMatch(collection, match, pattern);
  }
  return { files: collection.placed.size, bytes: collection.bytes };
}

function normalizePattern(pattern: string, manifestFile: string): string {
  const trimmed = pattern
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  const normalized = trimmed === '' ? '.' : trimmed;
  if (
    isAbsolute(normalized) ||
    normalized.split('/').includes('..') ||
    normalized.startsWith('~')
  ) {
    throw new UserError(`Artifact "${pattern}" points outside the repository.`, {
      fix: 'give the path relative to the repository root, without ".." segments.',
      location: { file: manifestFile },
    });
  }
  return normalized;
}

/** Repository-relative paths the pattern names: itself, or every match of a glob (links not followed). */
async function matchPattern(root: string, pattern: string): Promise<string[]> {
  if (!GLOB_CHARS.test(pattern)) {
    return (await lstat(join(root, pattern)).then(
      () => true,
      () => false,
    ))
      ? [pattern]
      : [];
  }
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const base = segments.slice(0, firstGlob).join('/');
  const matches: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      if (entry.name === '.git') continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (matchesGlob(child, pattern)) matches.push(child);
      else if (entry.isDirectory()) await walk(child);
    }
  };
  await walk(base);
  return matches;
}

async function placeMatch(collection: Collection, rel: string, pattern: string): Promise<void> {
  const source = join(collection.root, rel);
  const { path, info } = await followInside(collection, source, rel, pattern);
  if (info.isDirectory()) await placeDirectory(collection, path, '', pattern, new Set([path]));
  else if (info.isFile()) await placeFile(collection, path, basename(rel), rel, pattern);
  else throw notRegular(collection, rel, pattern);
}

async function placeDirectory(
  collection: Collection,
  directory: string,
  destRel: string,
  pattern: string,
  visiting: Set<string>,
): Promise<void> {
  await mkdir(join(collection.dest, destRel), { recursive: true, mode: 0o755 });
  const real = await realpath(directory);
  const entries = (await readdir(directory)).sort(compare);
  for (const name of entries) {
    if (name === '.git') continue;
    const entryPath = join(directory, name);
    const rel = relative(collection.root, entryPath).split(sep).join('/');
    const { path, info } = await followInside(collection, entryPath, rel, pattern);
    const childDest = destRel === '' ? name : `${destRel}/${name}`;
    if (info.isDirectory()) {
      // A link to this directory or one it is in would be copied forever.
      if (visiting.has(path) || real === path || real.startsWith(path + sep)) {
        throw new UserError(
          `Artifact "${pattern}" contains ${rel}, a link that loops back to a directory it is in.`,
          {
            fix: 'remove the link, or leave that directory out of "artifacts".',
            location: { file: collection.manifestFile },
          },
        );
      }
      await placeDirectory(collection, path, childDest, pattern, new Set([...visiting, path]));
    } else if (info.isFile()) {
      await placeFile(collection, path, childDest, rel, pattern);
    } else {
      throw notRegular(collection, rel, pattern);
    }
  }
}

/** The real path behind `path` and its stats; a link must resolve inside the repository. */
async function followInside(
  collection: Collection,
  path: string,
  rel: string,
  pattern: string,
): Promise<{ path: string; info: Stats }> {
  const own = await lstat(path);
  if (!own.isSymbolicLink()) return { path, info: own };
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    throw new UserError(
      `Artifact "${pattern}" contains ${rel}, a symbolic link whose target does not exist.`,
      {
        fix: 'remove the broken link, or leave it out of "artifacts".',
        location: { file: collection.manifestFile },
      },
    );
  }
  if (target !== collection.realRoot && !target.startsWith(collection.realRoot + sep)) {
    throw new UserError(
      `Artifact "${pattern}" contains ${rel}, a symbolic link to ${target}, outside the repository.`,
      {
        fix: 'artifacts come from the repository only: copy the file into the repository during the build, or leave the link out of "artifacts".',
        location: { file: collection.manifestFile },
      },
    );
  }
  return { path: target, info: await stat(target) };
}

async function placeFile(
  collection: Collection,
  source: string,
  destRel: string,
  rel: string,
  pattern: string,
): Promise<void> {
  const earlier = collection.placed.get(destRel);
  if (earlier !== undefined) {
    throw new UserError(
      `Artifacts ${earlier} and ${rel} would both be copied to ${destRel} in the image.`,
      {
        fix: `artifacts land like Dockerfile COPY (a file by its name, a directory's contents directly), so two of them collide; list the directory that holds them instead, or rename one (pattern "${pattern}").`,
        location: { file: collection.manifestFile },
      },
    );
  }
  if (collection.placed.size >= MAX_ARTIFACT_FILES) {
    throw new UserError(`The artifacts hold more than ${MAX_ARTIFACT_FILES} files.`, {
      fix: 'list the build outputs the image needs, not whole trees such as node_modules or ".".',
      location: { file: collection.manifestFile },
    });
  }
  collection.placed.set(destRel, rel);
  const target = join(collection.dest, destRel);
  await mkdir(dirname(target), { recursive: true, mode: 0o755 });
  await copyFile(source, target);
  const info = await stat(source);
  await chmod(target, info.mode & 0o111 ? 0o755 : 0o644);
  collection.bytes += info.size;
}

function notRegular(collection: Collection, rel: string, pattern: string): UserError {
  return new UserError(
    `Artifact "${pattern}" contains ${rel}, which is neither a file nor a directory.`,
    {
      fix: 'leave sockets, pipes and devices out of "artifacts".',
      location: { file: collection.manifestFile },
    },
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
