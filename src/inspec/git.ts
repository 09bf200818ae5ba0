import { ToolError, UserError } from '../errors.js';
import { Git } from '../tools/git.js';

/**
 * The shared git wrapper, plus fetching a profile pinned to a ref. Only the
 * https and ssh transports are allowed (git's `ext::` and `file://` would run
 * commands or read the runner's disk), and git never prompts.
 */
export class ProfileGit extends Git {
  /** `allowedProtocols` is for tests, which fetch from a local repository over file://. */
  constructor(
    binary = 'git',
    private readonly allowedProtocols = 'https:ssh',
  ) {
    super(binary);
  }

  /** Fetches exactly `ref` (tag, branch or commit) into a new directory; returns the commit. */
  async fetchRef(url: string, ref: string, dir: string, display: string): Promise<string> {
    const git = (args: string[]) =>
      this.executeChecked(args, {
        silent: true,
        env: { GIT_ALLOW_PROTOCOL: this.allowedProtocols },
      });
    try {
      await git(['init', '--quiet', dir]);
      await git(['-C', dir, 'fetch', '--quiet', '--depth', '1', '--', url, ref]);
      await git(['-C', dir, 'checkout', '--quiet', '--detach', 'FETCH_HEAD']);
      return (await git(['-C', dir, 'rev-parse', 'HEAD'])).stdout.trim();
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      throw new UserError(
        `The profile ${display} could not be fetched: ${lastLine(error.stderr)}`,
        {
          fix: 'check the URL and the ref after "#" (a tag, branch or commit); a private repository needs credentials the runner can use.',
          cause: error,
        },
      );
    }
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? 'git failed';
}
