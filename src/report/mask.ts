import * as core from '@actions/core';

/**
 * Masks a secret and the forms it commonly leaks in: each line of a
 * multi-line value (keys, kubeconfigs) and its base64 encoding (basic-auth
 * headers, docker config.json, Kubernetes Secret data).
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return;
  const forms = new Set<string>([value, value.trim()]);
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().length >= 4) forms.add(line.trim());
  }
  forms.add(Buffer.from(value, 'utf8').toString('base64'));
  for (const form of forms) {
    if (form.length > 0) core.setSecret(form);
  }
}

/** Masks the base64 of `user:password`, the form registries and docker see. */
export function maskBasicAuth(username: string, password: string): void {
  maskSecret(password);
  core.setSecret(Buffer.from(`${username}:${password}`, 'utf8').toString('base64'));
}
