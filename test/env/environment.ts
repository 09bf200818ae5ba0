// The local environment that test/env/up made, for the vitest suites.
//
//   import { loadEnvironment } from '../env/environment.js';
//   const env = loadEnvironment();   // throws "run test/env/up" if it is not there
//
// It reads $PIPELINE_ACTIONS_HOME/run/env.json (default
// ~/.cache/pipeline-actions/run/env.json), the same values as run/env.sh.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Environment {
  /** Open registry, plain HTTP: "127.0.0.1:5000". */
  registry: string;
  /** TLS + basic-auth registry: "127.0.0.1:5443". helm 3 cannot use this form (see registryTlsName). */
  registryTls: string;
  /**
   * The same TLS registry under a host name that resolves to 127.0.0.1:
   * "registry-tls.pipeline-actions.test:5443". helm 3 (containerd's resolver)
   * always speaks plain HTTP to loopback IPs and "localhost", so every helm 3
   * OCI command (push, pull, install oci://) must use this name.
   */
  registryTlsName: string;
  registryTlsUser: string;
  registryTlsPassword: string;
  /** PEM of the CA that signed the TLS registry's and the API server's certificates. */
  caFile: string;
  /** Admin kubeconfig (0600), or the user's own with PA_K8S=external. */
  kubeconfig: string;
  /** kubectl matching the cluster's version. */
  kubectl: string;
  /** Server version, e.g. "v1.34.10". */
  k8sVersion: string;
  /** "local" (started by up) or "external" (PA_K8S=external). */
  k8sMode: 'local' | 'external';
  /** host:port of the API server (to put a FaultProxy in front of it). */
  apiserver: string;
  /** Absolute paths of the pinned helm binaries. */
  helm3: string;
  helm4: string;
  /** The state directory (bin/, run/, logs/). */
  stateDir: string;
  /** Standard base images by folder name, as digest references: busybox, debian, ... */
  images: Record<string, string>;
  /** Same as images.busybox / images.debian. */
  imageBusybox: string;
  imageDebian: string;
}

/** The directory up keeps its state in (PIPELINE_ACTIONS_HOME, else ~/.cache/pipeline-actions). */
export function stateDir(): string {
  return (
    process.env['PIPELINE_ACTIONS_HOME'] ??
    process.env['PIPELINE_ACTIONS_CACHE'] ??
    join(homedir(), '.cache', 'pipeline-actions')
  );
}

/** Path of the env.json that up writes. */
export function environmentFile(): string {
  return join(stateDir(), 'run', 'env.json');
}

const REQUIRED_STRINGS = [
  'registry',
  'registryTls',
  'registryTlsName',
  'registryTlsUser',
  'registryTlsPassword',
  'caFile',
  'kubeconfig',
  'kubectl',
  'k8sVersion',
  'k8sMode',
  'apiserver',
  'helm3',
  'helm4',
  'stateDir',
] as const;

const FILES = ['caFile', 'kubeconfig', 'kubectl', 'helm3', 'helm4'] as const;

function missing(why: string): Error {
  return new Error(
    `The local test environment is not available: ${why}.\n` +
      `Run test/env/up (it starts docker, the registries, helm and Kubernetes, and writes ${environmentFile()}).`,
  );
}

/** Reads env.json; throws a loud error that says "run test/env/up" if it is missing or incomplete. */
export function loadEnvironment(): Environment {
  const file = environmentFile();
  if (!existsSync(file)) throw missing(`${file} does not exist`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw missing(`${file} is not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null) throw missing(`${file} is not a JSON object`);
  const env = raw as Record<string, unknown>;
  for (const key of REQUIRED_STRINGS) {
    if (typeof env[key] !== 'string' || env[key] === '') throw missing(`${file} has no "${key}"`);
  }
  for (const key of FILES) {
    const path = env[key] as string;
    if (!existsSync(path)) throw missing(`${key} ${path} (named in ${file}) does not exist`);
  }
  const images = env['images'];
  if (typeof images !== 'object' || images === null) throw missing(`${file} has no "images"`);
  for (const name of ['busybox', 'debian']) {
    if (typeof (images as Record<string, unknown>)[name] !== 'string') {
      throw missing(`${file} has no standard image "${name}"`);
    }
  }
  return env as unknown as Environment;
}
