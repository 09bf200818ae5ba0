import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultProxy } from '../../../test/env/fault-proxy.js';
import { apiServerProxy, expectOutage, type ApiServerProxy } from '../../../test/support/faults.js';
import { GitHubDouble } from '../../../test/support/github-double.js';
import {
  changes,
  helms,
  kubectlIn,
  shopImage,
  shopRelease,
  type ShopRelease,
} from '../../../test/fixtures/drift/harness.js';

/**
 * drift-check's reads of the cluster (the server's version, helm's stored
 * release, one LIST per kind) through the fault proxy terminating TLS in
 * front of the real API server. A release is deployed and changed by hand
 * once; a check without faults gives the verdict every fault must end in,
 * or else the outage message, the status `error` and no verdict: a failed
 * read is never "no drift", nor a drift it did not see.
 */

let github: GitHubDouble;
let shop: ShopRelease;
let api: ApiServerProxy;
let expected: ReturnType<typeof changes>;

beforeAll(async () => {
  github = await GitHubDouble.start({ token: 'ghs_api_faults' });
  api = await apiServerProxy();
  shop = await shopRelease(helms()[0]!, github, await shopImage());
  // No wait: what is compared is the objects, not their pods.
  const deployed = await shop.deploy({ wait: 'false', atomic: 'false' });
  expect(deployed.exitCode, deployed.stdout.slice(-3000)).toBe(0);
  await kubectlIn(shop.namespace, 'set', 'env', 'deployment/web', 'GREETING=changed-by-hand');
  const baseline = await shop.check({ issue: 'false', kubeconfig: api.kubeconfig });
  expect(baseline.exitCode, baseline.stdout.slice(-3000)).toBe(0);
  expect(baseline.outputs).toMatchObject({ status: 'drifted', drifted: 'true' });
  expected = changes(baseline);
  expect(expected.some((change) => change.object === 'Deployment/web')).toBe(true);
});
afterAll(async () => {
  await api?.close();
  await shop?.remove();
  await github?.close();
});

const LIST = /[?&]limit=/;

interface ApiFault {
  name: string;
  apply(proxy: FaultProxy): void;
  outcome: 'the same verdict' | 'outage';
  happened(proxy: FaultProxy): boolean;
  /** For an outage: the end of the message. */
  reason?: RegExp;
}

const faults: ApiFault[] = [
  {
    name: '429 with Retry-After',
    apply: (proxy) => proxy.http429({ count: 2, retryAfterSeconds: 1 }),
    outcome: 'the same verdict',
    happened: (proxy) => proxy.stats().http429 === 2,
  },
  {
    name: 'a LIST cut mid-answer',
    apply: (proxy) => proxy.cutResponse({ match: LIST, count: 1 }),
    outcome: 'the same verdict',
    happened: (proxy) => proxy.stats().responsesCut === 1,
  },
  {
    name: 'a 503 storm',
    apply: (proxy) => proxy.http503({ retryAfterSeconds: 0 }),
    outcome: 'outage',
    happened: (proxy) => proxy.stats().http503 === 4,
    reason:
      /: GET \/version: HTTP 503 fault-proxy: 503 Service Unavailable; no drift verdict was given$/,
  },
  {
    name: 'every LIST cut mid-answer',
    apply: (proxy) => proxy.cutResponse({ match: LIST, count: 1000 }),
    outcome: 'outage',
    happened: (proxy) => proxy.stats().responsesCut >= 4,
    reason: /closed the connection mid-answer; no drift verdict was given$/,
  },
];

describe.each(faults)('drift-check reading the cluster through $name', (fault) => {
  it(`ends in ${fault.outcome}`, async () => {
    api.proxy.resetStats();
    fault.apply(api.proxy);
    let run;
    try {
      run = await shop.check({ issue: 'false', kubeconfig: api.kubeconfig });
    } finally {
      api.proxy.heal();
    }
    expect(fault.happened(api.proxy), JSON.stringify(api.proxy.stats())).toBe(true);
    if (fault.outcome === 'the same verdict') {
      expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
      expect(run.outputs).toMatchObject({ status: 'drifted', drifted: 'true' });
      expect(changes(run)).toEqual(expected);
    } else {
      expectOutage(run);
      const message = run.annotations.find((annotation) => annotation.level === 'error')?.message;
      expect(message).toMatch(
        new RegExp(
          `^drift-check: the Kubernetes API server ${api.server.replace(/\./g, '\\.')} \\(.*\\) could not be reached after 4 attempts over \\d+\\.\\d s`,
        ),
      );
      expect(message?.split('\n')[0]).toMatch(fault.reason!);
      expect(run.outputs.status).toBe('error');
      expect(run.outputs.drifted).toBeUndefined();
      expect(run.outputs.count).toBeUndefined();
    }
    expect(github.writes()).toEqual([]);
  });
});
