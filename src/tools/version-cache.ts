import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a tool binary said its version was, remembered per binary so later
 * runs on the same runner skip the `helm version` process (tens of ms each
 * deploy). The key is the binary's real path with its size, inode and
 * modification time: a binary replaced in place is asked again. Kept in the
 * runner's tool cache (which lasts across jobs on a self-hosted runner), else
 * the system's temporary directory. Every failure here means "not cached".
 */
export class ToolVersionCache {
  constructor(
    private readonly dir = join(
      process.env['RUNNER_TOOL_CACHE'] || tmpdir(),
      'pipeline-actions',
      'tool-versions',
    ),
  ) {}

  get(binary: string): string | undefined {
    const file = this.file(binary);
    if (!file) return undefined;
    try {
      const version = readFileSync(file, 'utf8').trim();
      return version === '' ? undefined : version;
    } catch {
      return undefined;
    }
  }

  set(binary: string, version: string): void {
    const file = this.file(binary);
    if (!file) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(file, `${version}\n`);
    } catch {
      // a read-only cache only costs the next run one process
    }
  }

  private file(binary: string): string | undefined {
    try {
      const real = realpathSync(binary);
      const stat = statSync(real);
      const key = [real, stat.size, stat.ino, stat.mtimeMs].join('\0');
      return join(this.dir, createHash('sha256').update(key).digest('hex').slice(0, 32));
    } catch {
      return undefined;
    }
  }
}
