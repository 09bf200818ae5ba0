import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { UserError } from '../errors.js';
import { Docker } from './docker.js';

/**
 * `docker login` with the real docker against the local TLS registry (basic
 * auth). Between the action and docker stands only a wrapper that writes down
 * the arguments and the environment it was started with and then execs the
 * real docker (same process, same stdin): so the test sees exactly the argv
 * docker ran with. The password is in neither, and the login succeeds: it
 * went on stdin. It lands in the run's own config, not the user's; the
 * credential store and the credential helper the user configured for that
 * registry are left out (the real docker would run `docker-credential-…`,
 * which does not exist here, and fail).
 */

const env = loadEnvironment();
const scratch = mkdtempSync(join(tmpdir(), 'pa-docker-login-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();

/** A docker that records its argv and environment (NUL-separated), then becomes the real one. */
function recordingWrapper(): { binary: string; argv: () => string[]; environ: () => string } {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  const binary = join(dir, 'docker');
  writeFileSync(
    binary,
    `#!/bin/sh\nprintf '%s\\0' "$@" > "${dir}/argv"\nenv -0 > "${dir}/environ"\nexec "${realDocker}" "$@"\n`,
  );
  chmodSync(binary, 0o755);
  return {
    binary,
    argv: () => readFileSync(join(dir, 'argv'), 'utf8').split('\0').slice(0, -1),
    environ: () => readFileSync(join(dir, 'environ'), 'utf8'),
  };
}

/** A user's docker config naming a credential store and a helper for the registry, neither installed. */
function userConfig(): string {
  const dir = mkdtempSync(join(scratch, 'user-'));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      credsStore: 'pa-absent-store',
      credHelpers: { [env.registryTls]: 'pa-absent-helper', 'other.example.com': 'gcloud' },
    }),
  );
  return dir;
}

describe('docker login with the real docker', () => {
  it('passes the password on stdin only, and keeps it in the run’s own config', async () => {
    const user = userConfig();
    const wrapper = recordingWrapper();
    const docker = await Docker.create(mkdtempSync(join(scratch, 'run-')), {
      userConfigDir: user,
      binary: wrapper.binary,
    });
    await docker.login(env.registryTls, env.registryTlsUser, env.registryTlsPassword);
    expect(wrapper.argv()).toEqual([
      'login',
      env.registryTls,
      '--username',
      env.registryTlsUser,
      '--password-stdin',
    ]);
    expect(wrapper.environ()).not.toContain(env.registryTlsPassword);
    expect(wrapper.environ().split('\0')).toContain(`DOCKER_CONFIG=${docker.configDir}`);
    // What the real docker wrote, where it wrote it.
    const config = JSON.parse(readFileSync(join(docker.configDir, 'config.json'), 'utf8')) as {
      auths?: Record<string, { auth?: string }>;
      credHelpers?: Record<string, string>;
      credsStore?: string;
    };
    expect(config.auths?.[env.registryTls]?.auth).toBe(
      Buffer.from(`${env.registryTlsUser}:${env.registryTlsPassword}`).toString('base64'),
    );
    expect(config.credHelpers).toEqual({ 'other.example.com': 'gcloud' });
    expect(config.credsStore).toBeUndefined();
    expect(readFileSync(join(user, 'config.json'), 'utf8')).not.toContain('auths');
    await docker.remove();
  });

  it('a refused password ends in a UserError naming the registry, the password nowhere', async () => {
    const wrapper = recordingWrapper();
    const docker = await Docker.create(mkdtempSync(join(scratch, 'run-')), {
      userConfigDir: userConfig(),
      binary: wrapper.binary,
    });
    const wrong = `wrong-${Date.now().toString(36)}`;
    const error = await docker
      .login(env.registryTls, env.registryTlsUser, wrong)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(env.registryTls);
    expect(JSON.stringify({ error, fix: (error as UserError).fix })).not.toContain(wrong);
    expect(wrapper.argv()).not.toContain(wrong);
    expect(wrapper.environ()).not.toContain(wrong);
    await docker.remove();
  });
});
