import { userInfo } from 'node:os';
import { ToolError, UserError } from '../errors.js';
import { Tool } from '../tools/tool.js';

/**
 * dpkg or rpm, through `sudo -n` when the runner is not root (GitHub-hosted
 * runners allow passwordless sudo; a runner that does not is told how to
 * install the tool itself instead of hanging on a password prompt).
 */
export class PackageInstaller extends Tool {
  private readonly prefix: string[];

  constructor(private readonly manager: 'dpkg' | 'rpm') {
    const root = userInfo().uid === 0;
    super(root ? manager : 'sudo');
    this.prefix = root ? [] : ['-n', manager];
  }

  async install(file: string, label: string): Promise<void> {
    const args = this.manager === 'dpkg' ? ['-i', file] : ['-U', '--replacepkgs', file];
    try {
      await this.executeChecked([...this.prefix, ...args]);
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      throw new UserError(
        `Installing ${label} with ${this.manager} was refused: ${error.message}`,
        {
          fix: 'install it in an earlier step (as root), or give its path in `executable`.',
          cause: error,
        },
      );
    }
  }
}
