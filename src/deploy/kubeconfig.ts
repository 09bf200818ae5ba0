import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '../core.js';
import { UserError } from '../errors.js';
import { maskKubeconfigCredentials } from '../report/redact.js';
import { parseYaml } from '../yaml.js';

/**
 * The kubeconfig a deploy uses, from the `kubeconfig` input: its content (a
 * secret, written 0600 into the run's private directory, which the caller
 * removes in all cases), or the path of a file on the runner. Empty: what
 * kubectl and helm find by themselves (KUBECONFIG, ~/.kube/config).
 */

export interface KubeconfigSource {
  /** The file to point KUBECONFIG at; undefined for the tools' default. */
  file: string | undefined;
  /** Whether the file is ours (written from the input's content). */
  written: boolean;
  /** The file's text as read here (loadKubeconfig takes it rather than reading the file again). */
  text?: string;
}

export function prepareKubeconfig(
  value: string | undefined,
  workspace: string,
  privateDir: string,
  input = 'kubeconfig',
): KubeconfigSource {
  if (value === undefined || value.trim() === '') return { file: undefined, written: false };
  if (looksLikeContent(value)) {
    maskKubeconfig(value);
    const config = parseYaml(value, `input "${input}"`);
    if (config === null || typeof config !== 'object' || !('clusters' in config)) {
      throw new UserError(`Input "${input}" is not a kubeconfig: it has no clusters.`, {
        fix: 'pass the whole kubeconfig file (apiVersion: v1, kind: Config, clusters, users, contexts), e.g. from a secret.',
      });
    }
    const file = join(privateDir, 'kubeconfig');
    const text = value.endsWith('\n') ? value : `${value}\n`;
    writeFileSync(file, text, { mode: 0o600 });
    return { file, written: true, text };
  }
  const file = isAbsolute(value) ? value : resolve(workspace, value);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UserError(`Input "${input}" names ${value}, which is not a file on the runner.`, {
      fix: 'pass the kubeconfig itself (from a secret), or the path of a kubeconfig file an earlier step wrote.',
    });
  }
  // A file an earlier step wrote holds credentials too: masked before a tool can print one.
  const text = readFileSync(file, 'utf8');
  maskKubeconfigCredentials(text);
  return { file, written: false, text };
}

function looksLikeContent(value: string): boolean {
  return (
    value.includes('\n') ||
    /^\s*(?:apiVersion|kind|clusters)\s*:/.test(value) ||
    value.trim().startsWith('{')
  );
}

/** Masks the whole content and each credential in it (src/report/redact.ts). */
function maskKubeconfig(value: string): void {
  core.setSecret(value);
  maskKubeconfigCredentials(value);
}
