import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRun } from './runner.js';

/**
 * Where a sentinel secret shows after a run: a log line (the `::add-mask::`
 * command that masks it aside: the runner masks the log, but a test holds
 * the action to never print it at all), the job summary, an output, an
 * annotation, or a file the action wrote: anything it left in RUNNER_TEMP
 * or in the file-command files (GITHUB_ENV, GITHUB_STATE…), always, and the
 * `files` given (a report, SARIF, JUnit written elsewhere; directories are
 * searched whole). Empty when nowhere.
 */
export function leaks(run: ActionRun, secret: string, files: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    if (line.includes(secret) && !line.startsWith('::add-mask::')) found.push(`log: ${line}`);
  }
  if (run.summary.includes(secret)) found.push('job summary');
  for (const [name, value] of Object.entries(run.outputs)) {
    if (value.includes(secret)) found.push(`output ${name}`);
  }
  for (const annotation of run.annotations) {
    if (JSON.stringify(annotation).includes(secret))
      found.push(`annotation: ${annotation.message}`);
  }
  const searched = new Set([run.runnerTemp, run.runnerFiles, ...files].flatMap(filesUnder));
  for (const file of searched) {
    if (readFileSync(file).includes(secret)) found.push(`file ${file}`);
  }
  return found;
}

/**
 * The client credentials of a kubeconfig file, as it holds them (base64),
 * and its key as a tool would print it (a line of the PEM body): what a run
 * given that kubeconfig must never show.
 */
export function kubeconfigCredentials(kubeconfig: string): string[] {
  const text = readFileSync(kubeconfig, 'utf8');
  const field = (name: string) => new RegExp(`${name}: (\\S+)`).exec(text)?.[1] ?? '';
  const keyData = field('client-key-data');
  const keyLine = Buffer.from(keyData, 'base64').toString('utf8').split('\n')[1] ?? '';
  const credentials = [keyData, keyLine, field('client-certificate-data')];
  if (credentials.some((value) => value.length < 40)) {
    throw new Error(`${kubeconfig} has no inline client key and certificate`);
  }
  return credentials;
}

/**
 * A copy of a kubeconfig whose user (the same name: its context still
 * names it) authenticates with `token`: a bearer token inline, read from
 * a tokenFile next to the copy, printed by an exec credential plugin (a
 * script next to the copy printing an ExecCredential), or a basic-auth
 * password: credentials the API server refuses.
 */
export function kubeconfigWithToken(
  kubeconfig: string,
  token: string,
  how: 'token' | 'tokenFile' | 'exec' | 'password',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-sentinel-kubeconfig-'));
  writeFileSync(join(dir, 'token'), `${token}\n`, { mode: 0o600 });
  const plugin = join(dir, 'credential-plugin');
  const credential = JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { token },
  });
  writeFileSync(plugin, `#!/bin/sh\nprintf '%s\\n' '${credential}'\n`, { mode: 0o700 });
  const user = {
    token: `token: ${token}`,
    tokenFile: 'tokenFile: token',
    exec: `exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ${plugin}\n      interactiveMode: Never`,
    password: `username: ci\n    password: ${token}`,
  }[how];
  const config = readFileSync(kubeconfig, 'utf8').replace(
    /users:\n- name: (\S+)[\s\S]*$/,
    `users:\n- name: $1\n  user:\n    ${user}\n`,
  );
  const file = join(dir, 'config');
  writeFileSync(file, config, { mode: 0o600 });
  return file;
}

/** A sentinel as a failure message may name it: a long credential only by its start. */
export function sentinelName(secret: string): string {
  return secret.length > 48 ? `${secret.slice(0, 12)}…` : secret;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}
