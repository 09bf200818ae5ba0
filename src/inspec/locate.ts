import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Control } from './controls.js';

export interface RepoLocation {
  /** Path relative to the workspace, with forward slashes. */
  path: string;
  line: number | undefined;
}

/**
 * Finds a control's `source_location` inside the repository, so annotations
 * and SARIF point at the line of the control. InSpec writes the ref relative
 * to the directory it ran in (the workspace) or to the profile; a profile
 * fetched from git or an archive lives in a cache outside the repository
 * and gets no location.
 */
export class RepoLocator {
  private readonly known = new Map<string, string | undefined>();

  constructor(
    private readonly workspace: string,
    private readonly profileDir: string | undefined,
  ) {}

  locate(control: Control): RepoLocation | undefined {
    const ref = control.source?.ref;
    if (!ref) return undefined;
    let path = this.known.get(ref);
    if (!this.known.has(ref)) {
      path = this.find(ref);
      this.known.set(ref, path);
    }
    return path === undefined ? undefined : { path, line: control.source?.line };
  }

  private find(ref: string): string | undefined {
    const bases = isAbsolute(ref) ? [''] : [this.workspace, this.profileDir];
    for (const base of bases) {
      if (base === undefined) continue;
      const candidate = resolve(this.workspace, base, ref);
      const inRepo = relative(this.workspace, candidate);
      if (inRepo.startsWith('..') || isAbsolute(inRepo)) continue;
      if (existsSync(candidate)) return inRepo.split(sep).join('/');
    }
    return undefined;
  }
}
