import { afterEach, describe, expect, it } from 'vitest';
import { TransientError, UserError } from '../errors.js';
import { retry } from '../retry.js';
import { FaultProxy } from '../../test/env/fault-proxy.js';
import {
  EXAMPLE_CHART,
  env,
  helms,
  resetFirstConnections,
  scratch,
  uniquePath,
} from '../../test/fixtures/helm/harness.js';
import { Helm, HelmHome } from './helm.js';

/**
 * The Helm wrapper against the real helm 3 and helm 4: the major is detected,
 * the flags that differ are the ones each major takes, a password only goes
 * on stdin, and a push through connections that reset is retried until the
 * registry recovers.
 */

const homes: HelmHome[] = [];
afterEach(() => homes.splice(0).forEach((home) => home.dispose()));

async function open(binary: string): Promise<Helm> {
  const home = HelmHome.create();
  homes.push(home);
  return Helm.open(binary, home);
}

describe.each(helms())('Helm with $name', ({ binary, major }) => {
  it('knows its version and major', async () => {
    const helm = await open(binary);
    expect(helm.major).toBe(major);
    expect(helm.version).toMatch(new RegExp(`^v${major}\\.\\d+\\.\\d+$`));
  });

  it('logs in to a plain-HTTP registry with the flag this major takes', async () => {
    const helm = await open(binary);
    expect(helm.flag('loginPlainHttp')).toEqual(major === 4 ? ['--plain-http'] : []);
    await helm.registryLogin(
      env().registry,
      { username: 'anyone', password: 'open' },
      { plainHttp: true },
    );
  });

  it('says the credentials were refused by the TLS registry', async () => {
    const helm = await open(binary);
    const error = await helm
      .registryLogin(
        env().registryTlsName,
        { username: env().registryTlsUser, password: 'wrong' },
        { caFile: env().caFile },
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^helm registry login registry-tls\.pipeline-actions\.test:5443 was refused: .*401/,
    );
  });

  it('pushes through a registry that resets connections, retrying until it recovers', async () => {
    const helm = await open(binary);
    const chart = await helm.package(EXAMPLE_CHART, scratch('package'));
    const proxy = await FaultProxy.start({ target: env().registry });
    try {
      const stop = resetFirstConnections(proxy, 2);
      const failures: unknown[] = [];
      const remote = `oci://${proxy.address}/${uniquePath(`wrapper-h${major}`)}`;
      const pushed = await retry(() => helm.push(chart, remote, { plainHttp: true }), {
        attempts: 5,
        baseDelayMs: 100,
        onRetry: (error) => failures.push(error),
      });
      stop();
      expect(pushed.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(failures.length).toBeGreaterThanOrEqual(1);
      expect(failures.every((failure) => failure instanceof TransientError)).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
