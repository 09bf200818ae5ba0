import { randomUUID } from 'node:crypto';
import { accessSync, appendFileSync, constants } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { delimiter } from 'node:path';

/**
 * The runner's side of an action, as GitHub documents it ("Workflow commands
 * for GitHub Actions"): inputs from INPUT_* variables, `::command::` lines on
 * stdout (log groups, annotations, masks), outputs and PATH through the files
 * GITHUB_OUTPUT and GITHUB_PATH name, the job summary in GITHUB_STEP_SUMMARY.
 *
 * Every action imports this rather than @actions/core: that package loads
 * an HTTP client (undici, half of each bundle) at start-up for OIDC tokens
 * no action asks for, which cost every run ~35 ms of CPU and 7 MiB before
 * its first real work. The functions keep @actions/core's names and
 * behaviour, so call sites read the same.
 */

/** Where an annotation points (GitHub's annotation properties). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** A value as a command carries it: strings as they are, nothing as '', anything else as JSON. */
function commandValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escapeMessage(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeMessage(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Writes `::name key=value,…::message` on stdout. */
export function issueCommand(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: unknown,
): void {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(commandValue(value))}`);
  const head = pairs.length > 0 ? `${name} ${pairs.join(',')}` : name;
  process.stdout.write(`::${head}::${escapeMessage(commandValue(message))}${EOL}`);
}

export interface InputOptions {
  required?: boolean;
  /** Trim surrounding whitespace (the default). */
  trimWhitespace?: boolean;
}

/** The input `name` as the runner passes it (INPUT_<NAME>, spaces as underscores); '' when not set. */
export function getInput(name: string, options: InputOptions = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  if (options.required && value === '') {
    throw new Error(`The input ${name} is required and was not given.`);
  }
  return options.trimWhitespace === false ? value : value.trim();
}

/** Appends `key<<delimiter … delimiter` to the file an environment variable names. */
function appendKeyValue(variable: string, key: string, value: string): boolean {
  const file = process.env[variable];
  if (!file) return false;
  const marker = `pipeline_actions_end_${randomUUID()}`;
  if (key.includes(marker) || value.includes(marker)) {
    throw new Error(
      `${variable}: ${key} or its value holds the end marker ${marker}; nothing was written.`,
    );
  }
  appendFileSync(file, `${key}<<${marker}${EOL}${value}${EOL}${marker}${EOL}`, 'utf8');
  return true;
}

export function setOutput(name: string, value: unknown): void {
  const text = commandValue(value);
  if (!appendKeyValue('GITHUB_OUTPUT', name, text)) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, text);
  }
}

/** Masks `secret` in every later log line. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** Puts `dir` first on PATH for this step and the steps after it. */
export function addPath(dir: string): void {
  const file = process.env.GITHUB_PATH;
  if (file) appendFileSync(file, `${dir}${EOL}`, 'utf8');
  else issueCommand('add-path', {}, dir);
  process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ''}`;
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

function annotate(level: string, message: string | Error, properties: AnnotationProperties) {
  issueCommand(
    level,
    {
      title: properties.title,
      file: properties.file,
      line: properties.startLine,
      endLine: properties.endLine,
      col: properties.startColumn,
      endColumn: properties.endColumn,
    },
    message instanceof Error ? message.toString() : message,
  );
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('error', message, properties);
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('warning', message, properties);
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('notice', message, properties);
}

/** Fails the step: an error annotation, and exit code 1 when the process ends. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

/** Runs `work` inside a collapsible log group. */
export async function group<T>(name: string, work: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await work();
  } finally {
    endGroup();
  }
}

/** The job summary: HTML and Markdown gathered in a buffer, appended to GITHUB_STEP_SUMMARY by write(). */
class JobSummary {
  private buffer = '';

  addRaw(text: string, addEOL = false): this {
    this.buffer += text;
    return addEOL ? this.addEOL() : this;
  }

  addEOL(): this {
    return this.addRaw(EOL);
  }

  addHeading(text: string, level: number | string = 1): this {
    const n = Number(level);
    const tag = Number.isInteger(n) && n >= 1 && n <= 6 ? `h${n}` : 'h1';
    return this.addRaw(`<${tag}>${text}</${tag}>`).addEOL();
  }

  addCodeBlock(code: string, lang?: string): this {
    const attribute = lang ? ` lang="${lang}"` : '';
    return this.addRaw(`<pre${attribute}><code>${code}</code></pre>`).addEOL();
  }

  stringify(): string {
    return this.buffer;
  }

  isEmptyBuffer(): boolean {
    return this.buffer.length === 0;
  }

  emptyBuffer(): this {
    this.buffer = '';
    return this;
  }

  async write(): Promise<this> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
      throw new Error(
        'GITHUB_STEP_SUMMARY is not set: this runner does not support job summaries.',
      );
    }
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(`The job summary file ${file} cannot be read and written.`);
    }
    await appendFile(file, this.buffer, 'utf8');
    return this.emptyBuffer();
  }
}

export const summary = new JobSummary();
