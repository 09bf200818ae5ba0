import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { expect } from 'vitest';
import { loadKubeconfig } from '../../src/kube/config.js';
import { loadEnvironment } from '../env/environment.js';
import { FaultProxy, type FaultProxyStats } from '../env/fault-proxy.js';
import type { ActionRun } from './runner.js';

/**
 * The faults every action is run through on its way to a service it needs (a
 * registry, a download host): test/env/fault-proxy.ts in front of the real
 * one, and what each must end in. The faults a run can outlast end in
 * success, the others in the outage message, and neither leaves a
 * half-published tag.
 */
export interface ServiceFault {
  /** In a test's title: "a connection cut mid-request". */
  name: string;
  /** Short, for repository paths. */
  key: string;
  apply(proxy: FaultProxy): void;
  /** Success after retries, or the outage message. */
  outcome: 'success' | 'outage';
  /** Whether the fault happened, from the proxy's counters. */
  happened(stats: FaultProxyStats): boolean;
}

/**
 * The four faults of the hardening issue. The cut falls after `cutAfterBytes`
 * sent on a connection (more than any read sends, less than the action's
 * first upload, for an action that uploads), `cuts` times (default once).
 */
export function serviceFaults(cutAfterBytes: number, cuts = 1): ServiceFault[] {
  return [
    {
      name: 'a connection cut mid-request',
      key: 'cut',
      apply: (proxy) => proxy.cutAfter(cutAfterBytes, { count: cuts }),
      outcome: 'success',
      happened: (stats) => stats.cut === cuts,
    },
    {
      name: '429 with Retry-After',
      key: 'throttled',
      apply: (proxy) => proxy.http429({ count: 2, retryAfterSeconds: 1 }),
      outcome: 'success',
      happened: (stats) => stats.http429 === 2,
    },
    storm('a 503 storm that outlasts the retries', 'storm'),
    down('a service that is down from the start'),
  ];
}

/** 503 on every request (or those `match` names) for as long as the run lasts: the outage message. */
function storm(name: string, key: string, match?: RegExp): ServiceFault {
  return {
    name,
    key,
    apply: (proxy) => proxy.http503({ retryAfterSeconds: 0, ...(match ? { match } : {}) }),
    outcome: 'outage',
    happened: (stats) => stats.http503 > 1,
  };
}

/** Every connection refused: the outage message. */
function down(name: string): ServiceFault {
  return {
    name,
    key: 'down',
    apply: (proxy) => proxy.refuse(),
    outcome: 'outage',
    happened: (stats) => stats.forwarded === 0,
  };
}

/** Requests that change the cluster, and LISTs (as the fault proxy's `match` sees them). */
export const API_WRITE = /^(?:POST|PUT|PATCH|DELETE) /;
export const API_LIST = /[?&]limit=/;

/**
 * The faults a deploy meets on its way to the API server, through
 * apiServerProxy(): throttling and a cut mid-answer or mid-upload are
 * outlasted; a 503 storm (on every request, or only on the writes once the
 * reads went through) and a server that is down end in the outage message.
 */
export function apiServerFaults(): ServiceFault[] {
  return [
    {
      name: '429 with Retry-After on writes',
      key: 'throttled',
      apply: (proxy) => proxy.http429({ count: 2, retryAfterSeconds: 1, match: API_WRITE }),
      outcome: 'success',
      happened: (stats) => stats.http429 === 2,
    },
    {
      name: 'a LIST cut mid-answer',
      key: 'cut-list',
      apply: (proxy) => proxy.cutResponse({ match: API_LIST, count: 1 }),
      outcome: 'success',
      happened: (stats) => stats.responsesCut === 1,
    },
    {
      name: 'a write cut mid-upload',
      key: 'cut-write',
      apply: (proxy) => proxy.cutAfter(100, { count: 1 }),
      outcome: 'success',
      happened: (stats) => stats.cut === 1,
    },
    storm('a 503 storm on writes', 'storm-writes', API_WRITE),
    storm('a 503 storm', 'storm'),
    down('an API server that is down'),
  ];
}

/**
 * Runs `run` with a fault proxy in front of `target` (its address given to
 * `run`), the fault applied first; the proxy's counters come back with the result.
 */
export async function throughFault<T>(
  target: string,
  fault: ServiceFault,
  run: (address: string) => Promise<T>,
): Promise<{ result: T; stats: FaultProxyStats }> {
  const proxy = await FaultProxy.start({ target });
  try {
    return await withFault(proxy, fault, () => run(proxy.address));
  } finally {
    await proxy.close();
  }
}

/**
 * The same with a proxy that lives longer than one run (its address already
 * written into what was deployed): counters zeroed, the fault applied, `run`,
 * then healed and listening again.
 */
export async function withFault<T>(
  proxy: FaultProxy,
  fault: ServiceFault,
  run: () => Promise<T>,
): Promise<{ result: T; stats: FaultProxyStats }> {
  proxy.resetStats();
  fault.apply(proxy);
  try {
    const result = await run();
    return { result, stats: proxy.stats() };
  } finally {
    proxy.heal();
    await proxy.listening();
  }
}

/** The run failed with the outage message (src/run.ts), not as a bug of ours nor as the user's mistake. */
export function expectOutage(run: ActionRun): void {
  expect(run.exitCode, run.stdout.slice(-3000)).not.toBe(0);
  expect(run.stdout).toMatch(/could not be reached/);
  expect(run.stdout).toContain('not a problem with your inputs');
  expect(run.stdout).not.toContain('failed unexpectedly');
}

/**
 * A fault proxy that terminates TLS in front of the real API server of
 * test/env: its own CA and certificate (made here with openssl, for
 * 127.0.0.1), the API server reached with the admin kubeconfig's real
 * credentials, and a kubeconfig that trusts only that CA and points at the
 * proxy (its user's token is dropped by the proxy). helm, kubectl and the
 * in-process client all go through it with that kubeconfig.
 */
export interface ApiServerProxy {
  proxy: FaultProxy;
  /** A kubeconfig file for the API server through the proxy. */
  kubeconfig: string;
  /** `https://127.0.0.1:PORT`, the server that kubeconfig names. */
  server: string;
  close(): Promise<void>;
}

export async function apiServerProxy(): Promise<ApiServerProxy> {
  const environment = loadEnvironment();
  const admin = loadKubeconfig(environment.kubeconfig);
  const dir = mkdtempSync(join(tmpdir(), 'api-fault-proxy-'));
  const pki = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=fault-proxy test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
    '-keyout',
    pki('ca.key'),
    '-out',
    pki('ca.crt'),
  );
  openssl(
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=fault-proxy',
    '-keyout',
    pki('proxy.key'),
    '-out',
    pki('proxy.csr'),
  );
  writeFileSync(
    pki('proxy.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    pki('proxy.csr'),
    '-CA',
    pki('ca.crt'),
    '-CAkey',
    pki('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    pki('proxy.ext'),
    '-out',
    pki('proxy.crt'),
  );
  const authorization = await admin.authorization?.();
  const proxy = await FaultProxy.start({
    target: new URL(admin.server).host,
    tls: {
      cert: readFileSync(pki('proxy.crt')),
      key: readFileSync(pki('proxy.key')),
      upstream: {
        ...(admin.ca ? { ca: admin.ca } : {}),
        ...(admin.cert ? { cert: admin.cert } : {}),
        ...(admin.key ? { key: admin.key } : {}),
        ...(authorization ? { authorization } : {}),
        ...(admin.tlsServerName ? { servername: admin.tlsServerName } : {}),
      },
    },
  });
  const server = `https://${proxy.address}`;
  const kubeconfig = pki('kubeconfig');
  writeFileSync(
    kubeconfig,
    dump({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'through-fault-proxy',
      contexts: [{ name: 'through-fault-proxy', context: { cluster: 'proxy', user: 'proxy' } }],
      clusters: [
        {
          name: 'proxy',
          cluster: {
            server,
            'certificate-authority-data': readFileSync(pki('ca.crt')).toString('base64'),
          },
        },
      ],
      users: [{ name: 'proxy', user: { token: 'dropped-by-the-fault-proxy' } }],
    }),
    { mode: 0o600 },
  );
  return {
    proxy,
    kubeconfig,
    server,
    close: async () => {
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
