import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { FaultProxy } from '../../test/env/fault-proxy.js';
import { pushTestImage, type PushedImage } from '../../test/support/oci-push.js';
import { TransientError } from '../errors.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';

/**
 * The client's retries against the real open registry with faults in
 * between: the TCP fault proxy of test/env answers 503 (with Retry-After),
 * resets connections, stalls, or is down.
 */

const env = loadEnvironment();
const run = `r${Date.now().toString(36)}`;
const opened: RegistryClient[] = [];
afterAll(() => opened.forEach((c) => c.close()));

/** A client with short retry delays, three attempts in all unless told otherwise. */
function client(registry: string, options: RegistryClientOptions): RegistryClient {
  const made = new RegistryClient(registry, { dockerConfig: false, ...options });
  opened.push(made);
  return made;
}
const FAST_RETRY = { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 };

describe('faults on the way to the registry', () => {
  const repository = `oci-client/${run}/faults`;
  let proxy: FaultProxy;
  let v1: PushedImage;

  beforeAll(async () => {
    v1 = await pushTestImage({ registry: env.registry, repository, tag: '1.0.0' });
    proxy = await FaultProxy.start({ target: env.registry });
  });
  afterEach(() => {
    proxy.heal();
    proxy.resetStats();
  });
  afterAll(() => proxy.close());

  function throughProxy(options: RegistryClientOptions = {}) {
    const delays: number[] = [];
    const c = client(proxy.address, {
      scheme: 'http',
      ...options,
      retry: {
        ...FAST_RETRY,
        ...options.retry,
        onRetry: (error, attempt, ms) => {
          delays.push(ms);
          options.retry?.onRetry?.(error, attempt, ms);
        },
      },
    });
    return { c, delays };
  }

  test('503 for a while, then success: retried, honouring Retry-After within the cap', async () => {
    const { c, delays } = throughProxy();
    proxy.http503({ count: 2, retryAfterSeconds: 1 });
    expect(await c.listTags(repository)).toEqual(['1.0.0']);
    expect(proxy.stats().http503).toBe(2);
    // Retry-After: 1 asks for 1000 ms; the test's cap (maxDelayMs 200) wins.
    expect(delays).toEqual([200, 200]);
  });

  // GET, not HEAD: the proxy's 503 carries a body, which a HEAD answer must not.
  test('a registry that keeps answering 503 gets bounded attempts, then a clear error', async () => {
    const { c, delays } = throughProxy();
    proxy.http503();
    const error = await c.getManifest(repository, '1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toBe(
      `Registry ${proxy.address} answered HTTP 503 to GET /v2/${repository}/manifests/1.0.0: fault-proxy: 503 Service Unavailable (gave up after 3 attempts)`,
    );
    expect(proxy.stats().http503).toBe(3);
    expect(delays).toHaveLength(2);
  });

  test('a 503 to a manifest PUT is retried and the push completes', async () => {
    // One attempt more: the reused keep-alive connection that http503() closed may fail first.
    const { c, delays } = throughProxy({ retry: { ...FAST_RETRY, attempts: 4 } });
    const manifest = await c.getManifest(repository, '1.0.0');
    proxy.http503({ count: 1 });
    expect(await c.putManifest(repository, 'after-503', manifest.bytes, manifest.mediaType)).toBe(
      v1.digest,
    );
    expect(proxy.stats().http503).toBe(1);
    expect(delays).toContain(200); // the 503's Retry-After, capped
    const direct = client(env.registry, { scheme: 'http' });
    expect((await direct.headManifest(repository, 'after-503'))?.digest).toBe(v1.digest);
  });

  test('a reset connection is retried', async () => {
    const { c, delays } = throughProxy({ retry: { ...FAST_RETRY, onRetry: () => proxy.heal() } });
    proxy.reset();
    // reset() also cut the idle connections of earlier tests: count from here.
    const before = proxy.stats().reset;
    expect((await c.headManifest(repository, '1.0.0'))?.digest).toBe(v1.digest);
    expect(proxy.stats().reset - before).toBe(1);
    expect(delays).toHaveLength(1);
  });

  test('a registry that is down is retried, then reported as unreachable', async () => {
    const { c } = throughProxy();
    proxy.refuse();
    const error = await c.listTags(repository).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Could not talk to registry ${proxy.address}: .*ECONNREFUSED.*\\(gave up after 3 attempts\\)$`,
      ),
    );
  });

  test('an answer slower than the timeout is retried as transient', async () => {
    const { c } = throughProxy({
      timeoutMs: 300,
      retry: { ...FAST_RETRY, onRetry: () => proxy.heal() },
    });
    proxy.delay(2000);
    expect((await c.headManifest(repository, '1.0.0'))?.digest).toBe(v1.digest);
    expect(proxy.stats().delayed).toBe(1);
  });
});
