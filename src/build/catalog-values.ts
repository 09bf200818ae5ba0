import { UserError, UserErrors, type SourceLocation } from '../errors.js';
import { unknownKeyFix } from '../manifest/suggest.js';
import { formatName, parseReference } from '../oci/index.js';

/**
 * The values every section of a catalog (src/build/catalog.ts) is made of,
 * read with their problems: each problem at its YAML path
 * (`$.runtimes.web.image`) with a fix, all reported together as one
 * UserErrors; a mapping, the keys allowed, an image pinned by digest, a
 * numeric user.
 */

export type Path = readonly (string | number)[];

const USER = /^(\d+):(\d+)$/;

/** An image pinned by digest, as the catalog names it. */
export interface PinnedImage {
  /** `registry/repository[:tag]@sha256:…`, as written. */
  readonly reference: string;
  /** `registry/repository[:tag]`: what `org.opencontainers.image.base.name` records. */
  readonly name: string;
  readonly digest: string;
  /** `registry/repository@sha256:…`: what FROM and `docker run` use. */
  readonly pinned: string;
}

/** Collects problems with their YAML path; one UserErrors at the end. */
export class Problems {
  private readonly errors: UserError[] = [];

  /**
   * `source`: the file (or URL) annotations attach to; `locate`: where a
   * path stands in it (line, column); `role`: what the file is, for messages
   * only ("the previous catalog").
   */
  constructor(
    private readonly source: string,
    private readonly options: {
      locate?: (path: Path) => SourceLocation;
      role?: string | undefined;
    } = {},
  ) {}

  add(path: Path, message: string, fix: string): void {
    this.errors.push(
      new UserError(`${formatPath(path)}: ${message}`, {
        fix,
        location: this.options.locate?.(path) ?? { file: this.source },
      }),
    );
  }

  object(value: unknown, path: Path): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    this.add(
      path,
      `must be a mapping (key: value lines), not ${show(value)}.`,
      'see catalog/README.md for the format.',
    );
    return undefined;
  }

  onlyKeys(entry: Record<string, unknown>, path: Path, allowed: readonly string[]): void {
    for (const key of Object.keys(entry)) {
      if (!allowed.includes(key))
        this.add([...path, key], `"${key}" is not a known key here.`, unknownKeyFix(key, allowed));
    }
  }

  pinnedImage(value: unknown, path: Path): PinnedImage | undefined {
    if (typeof value !== 'string') {
      this.add(
        path,
        `must be an image reference, not ${show(value)}.`,
        'write registry/repository@sha256:<digest>.',
      );
      return undefined;
    }
    try {
      const ref = parseReference(value);
      if (!ref.digest) {
        this.add(
          path,
          `"${value}" is not pinned by digest.`,
          `append @sha256:<digest>: standard images are always pinned, so a build names the exact base it used.`,
        );
        return undefined;
      }
      return {
        reference: value,
        name: `${formatName(ref)}${ref.tag ? `:${ref.tag}` : ''}`,
        digest: ref.digest,
        pinned: `${formatName(ref)}@${ref.digest}`,
      };
    } catch (error) {
      this.add(path, (error as Error).message, 'write registry/repository@sha256:<digest>.');
      return undefined;
    }
  }

  user(value: unknown, path: Path): string | undefined {
    if (typeof value === 'string' && USER.test(value)) return value;
    this.add(
      path,
      `must be a numeric uid:gid such as "10001:10001", not ${show(value)}.`,
      'use numbers: a name may not exist in every image.',
    );
    return undefined;
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw this.toError();
  }

  toError(): UserErrors {
    const count = this.errors.length;
    return new UserErrors(
      `The standard-image catalog ${this.source}${this.options.role ? ` (${this.options.role})` : ''} is not valid (${count} ${count === 1 ? 'problem' : 'problems'}):`,
      this.errors,
    );
  }
}

function formatPath(path: Path): string {
  return `$${path.map((part) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_][\w-]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`)).join('')}`;
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return JSON.stringify(value);
}
