import * as core from '../core.js';
import { errorMessage } from '../errors.js';
import { Tool } from './tool.js';

/** The git CLI, read-only: which files of a checkout count as sources. */
export class Git extends Tool {
  constructor(binary = 'git') {
    super(binary, { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' });
  }

  /**
   * The files git would commit under `dir`: tracked ones plus untracked ones
   * not ignored, relative to `dir`. Undefined outside a git checkout or
   * without git. The checkout is the one whose build is about to run (its own
   * config can already run code there), so git's ownership check, which a
   * checkout made by another user (a container job) trips, is waived.
   */
  async listFiles(dir: string): Promise<string[] | undefined> {
    try {
      const result = await this.execute(
        [
          '-c',
          'safe.directory=*',
          '-C',
          dir,
          'ls-files',
          '-z',
          '--cached',
          '--others',
          '--exclude-standard',
        ],
        { silent: true },
      );
      if (result.exitCode !== 0) {
        core.debug(`git ls-files in ${dir} exited ${result.exitCode}: ${result.stderr.trim()}`);
        return undefined;
      }
      return [...new Set(result.stdout.split('\0').filter((path) => path !== ''))];
    } catch (error) {
      core.debug(`git is not usable here: ${errorMessage(error)}`);
      return undefined;
    }
  }
}
