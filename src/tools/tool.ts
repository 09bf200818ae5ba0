import { Exec, type ExecOptions, type ExecResult } from '../exec.js';

/**
 * Base of the one-wrapper-per-external-tool classes (Docker, Helm, Kubectl,
 * InSpec…): every call of a tool goes through execute(), so a subclass adds
 * the tool's environment and flags in one place.
 */
export abstract class Tool {
  protected constructor(
    readonly binary: string,
    protected readonly env: Record<string, string | undefined> = {},
  ) {}

  protected execute(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return Exec.run(this.binary, args, { ...options, env: { ...this.env, ...options.env } });
  }

  protected executeChecked(
    args: readonly string[],
    options: ExecOptions = {},
  ): Promise<ExecResult> {
    return Exec.check(this.binary, args, { ...options, env: { ...this.env, ...options.env } });
  }
}
