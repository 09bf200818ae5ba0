import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PackageURL } from 'packageurl-js';

/**
 * The language dependencies an application declares, read from the lock
 * files in its sources: npm (package-lock.json, npm-shrinkwrap.json), Go
 * (go.mod: with module graph pruning it lists every module the build needs),
 * Python (poetry.lock, Pipfile.lock, requirements*.txt pins) and Gradle
 * (gradle.lockfile). Maven and Gradle builds without a lock file give their
 * direct dependencies only, as pom.xml and build.gradle(.kts) declare them
 * (a version that is not written out, or not a pom property, is left out).
 * A file that does not parse is reported, not fatal: the SBOM lists what
 * could be read.
 */

export type Ecosystem = 'npm' | 'golang' | 'pypi' | 'maven';

export interface Dependency {
  readonly ecosystem: Ecosystem;
  /** Maven group, npm scope (`@types`); undefined when the ecosystem has none. */
  readonly group: string | undefined;
  readonly name: string;
  /** undefined when the file does not pin it (a requirements.txt range). */
  readonly version: string | undefined;
  /** Used only to build or test (npm dev, Poetry's non-main groups, Pipfile develop). */
  readonly development: boolean;
  /** The lock file it comes from, relative to the sources. */
  readonly file: string;
  readonly purl: string;
}

export interface LockfileResult {
  readonly dependencies: Dependency[];
  /** Lock files read, relative to the sources. */
  readonly files: string[];
  /** One line per file that could not be read. */
  readonly problems: string[];
}

type Parser = (text: string, file: string) => Dependency[];

const PARSERS: Record<string, Parser> = {
  'package-lock.json': npmLock,
  'npm-shrinkwrap.json': npmLock,
  'go.mod': goMod,
  'poetry.lock': poetryLock,
  'Pipfile.lock': pipfileLock,
  'gradle.lockfile': gradleLock,
  'pom.xml': pomXml,
  'build.gradle': gradleBuild,
  'build.gradle.kts': gradleBuild,
};

function parserFor(path: string): Parser | undefined {
  const name = basename(path);
  if (/^requirements[\w.-]*\.txt$/.test(name)) return requirementsTxt;
  return Object.hasOwn(PARSERS, name) ? PARSERS[name] : undefined;
}

/**
 * The dependencies in the lock files among `files` (paths relative to
 * `root`, as listSourceFiles gives them). Vendored trees (node_modules,
 * vendor) are not the application's own lock files and are skipped.
 */
export async function readLockfiles(
  root: string,
  files: readonly string[],
): Promise<LockfileResult> {
  const dependencies: Dependency[] = [];
  const read: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parser = parserFor(file);
    if (!parser || file.split('/').some((part) => part === 'node_modules' || part === 'vendor'))
      continue;
    // A Gradle build with a lock file: the lock file has every version.
    if (parser === gradleBuild && files.includes(join(file, '..', 'gradle.lockfile'))) continue;
    try {
      dependencies.push(...parser(await readFile(join(root, file), 'utf8'), file));
      read.push(file);
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { dependencies, files: read, problems };
}

function dependency(
  ecosystem: Ecosystem,
  group: string | undefined,
  name: string,
  version: string | undefined,
  file: string,
  development = false,
): Dependency {
  const purl = new PackageURL(ecosystem, group, name, version, undefined, undefined).toString();
  return { ecosystem, group, name, version, development, file, purl };
}

/** package-lock.json v2/v3 (`packages`), or v1 (`dependencies`, nested). */
export function npmLock(text: string, file: string): Dependency[] {
  const lock = JSON.parse(text) as {
    packages?: Record<string, { name?: string; version?: string; dev?: boolean; link?: boolean }>;
    dependencies?: Record<string, NpmV1Entry>;
  };
  const found: Dependency[] = [];
  if (lock.packages) {
    for (const [path, entry] of Object.entries(lock.packages)) {
      const at = path.lastIndexOf('node_modules/');
      // "" is the app itself; workspace folders and links are not dependencies.
      if (at === -1 || entry.link || !entry.version) continue;
      found.push(
        npmDependency(entry.name ?? path.slice(at + 13), entry.version, file, !!entry.dev),
      );
    }
    return found;
  }
  const walk = (entries: Record<string, NpmV1Entry>) => {
    for (const [name, entry] of Object.entries(entries)) {
      if (entry.version && !entry.version.startsWith('file:'))
        found.push(npmDependency(name, entry.version, file, !!entry.dev));
      if (entry.dependencies) walk(entry.dependencies);
    }
  };
  walk(lock.dependencies ?? {});
  return found;
}

interface NpmV1Entry {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, NpmV1Entry>;
}

function npmDependency(fullName: string, version: string, file: string, dev: boolean): Dependency {
  const slash = fullName.startsWith('@') ? fullName.indexOf('/') : -1;
  const group = slash > 0 ? fullName.slice(0, slash) : undefined;
  const name = slash > 0 ? fullName.slice(slash + 1) : fullName;
  return dependency('npm', group, name, version, file, dev);
}

/** go.mod's `require` lines (single and blocks), `replace` directives applied to versions. */
export function goMod(text: string, file: string): Dependency[] {
  const requires = new Map<string, string>();
  const replaces = new Map<string, { path: string; version: string | undefined }>();
  let block: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') block = undefined;
      else directive(block, line);
      continue;
    }
    const open = /^(require|replace)\s*\($/.exec(line);
    if (open) block = open[1];
    else {
      const single = /^(require|replace)\s+(.*)$/.exec(line);
      if (single) directive(single[1]!, single[2]!);
    }
  }
  function directive(kind: string, rest: string) {
    if (kind === 'require') {
      const [path, version] = rest.split(/\s+/);
      if (path && version) requires.set(path, version);
      return;
    }
    const match = /^(\S+)(?:\s+\S+)?\s*=>\s*(\S+)(?:\s+(\S+))?$/.exec(rest);
    if (match) replaces.set(match[1]!, { path: match[2]!, version: match[3] });
  }
  return [...requires].map(([path, version]) => {
    const replaced = replaces.get(path);
    // A replacement by a local directory (./x, ../x) has no version of its own.
    const local = replaced && /^\.{1,2}\//.test(replaced.path);
    const module = replaced && !local ? replaced.path : path;
    const at = module.lastIndexOf('/');
    return dependency(
      'golang',
      at > 0 ? module.slice(0, at) : undefined,
      at > 0 ? module.slice(at + 1) : module,
      local ? undefined : (replaced?.version ?? version),
      file,
    );
  });
}

/** `name==version` pins; other lines name a dependency without a version. Options and includes are skipped. */
export function requirementsTxt(text: string, file: string): Dependency[] {
  const found: Dependency[] = [];
  for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) continue;
    const match =
      /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:===?\s*([^\s;,]+)(?=\s*(?:;|$|--)))?/.exec(
        line,
      );
    if (!match) continue;
    found.push(dependency('pypi', undefined, pypiName(match[1]!), match[3], file));
  }
  return found;
}

/** poetry.lock: every `[[package]]` table's name and version; groups other than main are development. */
export function poetryLock(text: string, file: string): Dependency[] {
  const found: Dependency[] = [];
  for (const table of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    const body = table.split(/^\[(?!\[)/m)[0] ?? '';
    const name = /^name\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    const version = /^version\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    if (!name) continue;
    const category = /^category\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    const groups = /^groups\s*=\s*\[([^\]]*)\]/m.exec(body)?.[1];
    const development = category
      ? category !== 'main'
      : groups !== undefined && !/"main"/.test(groups);
    found.push(dependency('pypi', undefined, pypiName(name), version, file, development));
  }
  return found;
}

/** Pipfile.lock: `default` and `develop`, each `"==version"`. */
export function pipfileLock(text: string, file: string): Dependency[] {
  const lock = JSON.parse(text) as Record<string, Record<string, { version?: string }> | undefined>;
  const found: Dependency[] = [];
  for (const [section, development] of [
    ['default', false],
    ['develop', true],
  ] as const) {
    for (const [name, entry] of Object.entries(lock[section] ?? {})) {
      const version = entry.version?.replace(/^==/, '');
      found.push(dependency('pypi', undefined, pypiName(name), version, file, development));
    }
  }
  return found;
}

/** gradle.lockfile: `group:name:version=configurations`; only test configurations is development. */
export function gradleLock(text: string, file: string): Dependency[] {
  const found: Dependency[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('empty=')) continue;
    const match = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=(.*)$/.exec(line);
    if (!match) continue;
    const configurations = match[4]!.split(',').filter(Boolean);
    const development =
      configurations.length > 0 && configurations.every((c) => /^test/i.test(c.trim()));
    found.push(dependency('maven', match[1], match[2]!, match[3], file, development));
  }
  return found;
}

/** PEP 503's normalized name, as purls of PyPI packages use it. */
function pypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** pom.xml's direct dependencies (not those of dependencyManagement, plugins or profiles); test and provided scopes are development. */
export function pomXml(text: string, file: string): Dependency[] {
  const xml = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(dependencyManagement|build|profiles|parent)>[\s\S]*?<\/\1>/g, '');
  const properties = new Map<string, string>();
  const props = /<properties>([\s\S]*?)<\/properties>/.exec(xml)?.[1] ?? '';
  for (const match of props.matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g)) {
    properties.set(match[1]!, match[2]!.trim());
  }
  const own = /<version>([^<]*)<\/version>/.exec(
    xml.replace(/<dependencies>[\s\S]*<\/dependencies>/, ''),
  );
  if (own) properties.set('project.version', own[1]!.trim());
  const resolve = (value: string | undefined) => {
    const resolved = value?.replace(
      /\$\{([^}]+)\}/g,
      (all, name: string) => properties.get(name) ?? all,
    );
    return resolved && !resolved.includes('${') ? resolved : undefined;
  };
  const found: Dependency[] = [];
  for (const block of xml.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const field = (name: string) =>
      new RegExp(`<${name}>([^<]*)</${name}>`).exec(block[1]!)?.[1]?.trim();
    const group = resolve(field('groupId'));
    const name = resolve(field('artifactId'));
    if (!group || !name) continue;
    const scope = field('scope');
    const development = scope === 'test' || scope === 'provided';
    found.push(dependency('maven', group, name, resolve(field('version')), file, development));
  }
  return found;
}

/** build.gradle(.kts): `configuration 'group:name:version'` lines; test and compile-only configurations are development. */
export function gradleBuild(text: string, file: string): Dependency[] {
  const found: Dependency[] = [];
  const line = /^\s*(\w+)\s*\(?\s*['"]([^'":\s$]+):([^'":\s$]+)(?::([^'":\s@]+))?[^'"]*['"]/gm;
  for (const match of text.matchAll(line)) {
    const configuration = match[1]!;
    if (
      !/(implementation|api|compile|runtime|runtimeOnly|compileOnly|annotationProcessor)$/i.test(
        configuration,
      )
    )
      continue;
    const version = match[4]?.includes('$') ? undefined : match[4];
    const development = /^test|compileOnly$|annotationProcessor$/i.test(configuration);
    found.push(dependency('maven', match[2], match[3]!, version, file, development));
  }
  return found;
}
