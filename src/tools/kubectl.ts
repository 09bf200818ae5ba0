import { ToolError, TransientError, UserError } from '../errors.js';
import type { ExecOptions, ExecResult } from '../exec.js';
import { apiGroup, type KubeObject, type ObjectRef } from '../kube/objects.js';
import { Tool } from './tool.js';

/**
 * The one wrapper of kubectl: kustomize builds, and reads of live objects,
 * pods and events while helm waits and after it failed (failure reports);
 * the state read before a deploy goes through src/kube/client.ts. It never
 * writes to the cluster; Helm does that. The kubeconfig is passed through
 * KUBECONFIG, so one instance talks to one cluster.
 */

const REQUEST_TIMEOUT = '30s';
const DEFAULT_TIMEOUT_MS = 2 * 60_000;

export class Kubectl extends Tool {
  constructor(
    binary = 'kubectl',
    /** Path of the kubeconfig; undefined means kubectl's own default (KUBECONFIG, ~/.kube/config). */
    readonly kubeconfig?: string,
  ) {
    super(binary, kubeconfig ? { KUBECONFIG: kubeconfig } : {});
  }

  /** `kubectl kustomize DIR`: the built kustomization as YAML. */
  async kustomize(dir: string): Promise<string> {
    return (await this.run(['kustomize', dir], { silent: true })).stdout;
  }

  /**
   * The live state of the given objects (those that do not exist are left
   * out); `namespace` is where objects without one of their own live.
   */
  async getObjects(refs: readonly ObjectRef[], namespace: string): Promise<KubeObject[]> {
    const byNamespace = new Map<string, string[]>();
    for (const ref of refs) {
      const ns = ref.namespace ?? namespace;
      const names = byNamespace.get(ns) ?? [];
      names.push(`${resourceName(ref)}/${ref.name}`);
      byNamespace.set(ns, names);
    }
    const objects: KubeObject[] = [];
    for (const [ns, names] of byNamespace) {
      for (let start = 0; start < names.length; start += 50) {
        objects.push(
          ...(await this.getJson([
            'get',
            ...names.slice(start, start + 50),
            '-n',
            ns,
            '--ignore-not-found',
          ])),
        );
      }
    }
    return objects;
  }

  /** Every object of a kind in a namespace (`pods`, `events`, `replicasets.apps`). */
  list(resource: string, namespace: string): Promise<KubeObject[]> {
    return this.getJson(['get', resource, '-n', namespace]);
  }

  private async getJson(args: readonly string[]): Promise<KubeObject[]> {
    const { stdout } = await this.run(
      [...args, '-o', 'json', `--request-timeout=${REQUEST_TIMEOUT}`],
      {
        silent: true,
      },
    );
    if (stdout.trim() === '') return [];
    const parsed = JSON.parse(stdout) as KubeObject & { items?: KubeObject[] };
    return Array.isArray(parsed.items) ? parsed.items : [parsed];
  }

  private async run(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const result = await this.execute(args, { timeoutMs: DEFAULT_TIMEOUT_MS, ...options });
    if (result.exitCode !== 0) throw apiFailure(result, undefined, this.binary, args);
    return result;
  }
}

/** `Deployment.v1.apps`, or just `ConfigMap` for the core group: what `kubectl get` resolves unambiguously. */
export function resourceName(ref: Pick<ObjectRef, 'apiVersion' | 'kind'>): string {
  const group = apiGroup(ref.apiVersion);
  if (group === '') return ref.kind;
  const version = ref.apiVersion.slice(group.length + 1);
  return `${ref.kind}.${version}.${group}`;
}

const UNREACHABLE =
  /connection refused|connection to the server .* was refused|Unable to connect to the server|no such host|i\/o timeout|network is unreachable|no route to host|connection reset by peer|TLS handshake timeout|context deadline exceeded|Client\.Timeout|EOF$/im;
const UNAUTHORIZED = /\bUnauthorized\b|\b401\b|must be logged in|provide credentials/i;
const FORBIDDEN = /\bForbidden\b|\b403\b/;
const CERTIFICATE = /x509:|certificate signed by unknown authority|tls: failed to verify/i;

/** A failed kubectl call as the error a user should see. */
export function apiFailure(
  result: ExecResult,
  server: string | undefined,
  binary: string,
  args: readonly string[],
): Error {
  const text = (result.stderr || result.stdout).trim();
  const where = server ? `The Kubernetes API server ${server}` : 'The Kubernetes API server';
  const detail = lastLine(text);
  if (CERTIFICATE.test(text)) {
    return new UserError(`${where} presented a certificate that is not trusted: ${detail}`, {
      fix: "check the cluster's certificate-authority-data in the kubeconfig.",
    });
  }
  if (UNAUTHORIZED.test(text)) {
    return new UserError(`${where} refused the kubeconfig's credentials: ${detail}`, {
      fix: 'check that the kubeconfig (its token or client certificate) is current.',
    });
  }
  if (FORBIDDEN.test(text)) {
    return new UserError(`${where} does not allow this: ${detail}`, {
      fix: 'grant the deploying identity the RBAC permissions it needs in this namespace.',
    });
  }
  if (UNREACHABLE.test(text)) {
    return new TransientError(`${where} cannot be reached: ${detail}`);
  }
  return new ToolError(binary, args, result.exitCode, text);
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (lines.pop() ?? '').replace(/^(?:error|E\d{4} [\d:.]+\s+\d+ \S+\]):?\s*/i, '').trim();
}
