import { spawn } from 'node:child_process';
import * as core from './core.js';
import { ToolError, UserError } from './errors.js';

export interface ExecOptions {
  cwd?: string;
  /** Added to (or overriding) the inherited environment. */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed. */
  input?: string | Buffer;
  /** Do not echo the command's output to the log (it is still captured). */
  silent?: boolean;
  timeoutMs?: number;
  /** Capture at most this much of each stream; more is an error, not a silent cut. */
  maxOutputBytes?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * The one place processes are started. Arguments always go as an array and
 * never through a shell, so no input can become shell syntax. Tool wrappers
 * call this, which gives tests a single seam to observe.
 */
export class Exec {
  static async run(
    command: string,
    args: readonly string[],
    options: ExecOptions = {},
  ): Promise<ExecResult> {
    const log = options.silent ? core.debug : core.info;
    log(`[command]${command} ${args.map(quoteForDisplay).join(' ')}`);
    const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;

    return new Promise<ExecResult>((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: mergeEnv(options.env),
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: options.timeoutMs,
        killSignal: 'SIGTERM',
      });
      const stdout = new BoundedBuffer(maxBytes);
      const stderr = new BoundedBuffer(maxBytes);
      let failure: Error | undefined;

      child.stdout.on('data', (chunk: Buffer) => {
        if (!stdout.push(chunk)) failure ??= outputTooLarge(command, 'stdout', maxBytes);
        if (!options.silent) process.stdout.write(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (!stderr.push(chunk)) failure ??= outputTooLarge(command, 'stderr', maxBytes);
        if (!options.silent) process.stderr.write(chunk);
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        failure ??=
          error.code === 'ENOENT'
            ? new UserError(
                `"${command}" was not found${options.cwd ? ` (working directory ${options.cwd})` : ''}.`,
                {
                  fix: `install ${command} on the runner, or give this action the path to it.`,
                  cause: error,
                },
              )
            : error;
      });
      child.on('close', (code, signal) => {
        if (failure) return reject(failure);
        if (code === null) {
          const why = options.timeoutMs ? ` (timeout ${options.timeoutMs} ms)` : '';
          return reject(
            new ToolError(
              command,
              args,
              128,
              `killed by ${signal ?? 'a signal'}${why}\n${stderr.text()}`,
            ),
          );
        }
        resolve({ exitCode: code, stdout: stdout.text(), stderr: stderr.text() });
      });

      // A child that exits before reading its input must not crash us with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    });
  }

  /** Like run(), but a non-zero exit is a ToolError carrying the end of stderr. */
  static async check(
    command: string,
    args: readonly string[],
    options: ExecOptions = {},
  ): Promise<ExecResult> {
    const result = await Exec.run(command, args, options);
    if (result.exitCode !== 0) {
      throw new ToolError(command, args, result.exitCode, result.stderr || result.stdout);
    }
    return result;
  }
}

function mergeEnv(extra: ExecOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Shows argv the way a reader can paste it into a shell; only for logs. */
export function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function outputTooLarge(command: string, stream: string, maxBytes: number): Error {
  return new Error(
    `${command} wrote more than ${maxBytes} bytes to ${stream}; refusing to hold more.`,
  );
}

class BoundedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): boolean {
    if (this.size + chunk.length > this.maxBytes) return false;
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
