import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { masks } from '../../test/support/masks.js';
import { loadKubeconfig } from './config.js';

/** Kubeconfigs as kubectl reads them: contexts, inline or file credentials, tokens, exec plugins, KUBECONFIG lists. */

const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));

function write(name: string, config: Record<string, unknown>): string {
  const file = join(dir, name);
  writeFileSync(file, dump(config));
  return file;
}

function kubeconfig(
  user: Record<string, unknown>,
  cluster: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'prod',
    contexts: [{ name: 'prod', context: { cluster: 'c', user: 'u' } }],
    clusters: [{ name: 'c', cluster: { server: 'https://k8s.example.com:6443/', ...cluster } }],
    users: [{ name: 'u', user }],
  };
}

describe('loading a kubeconfig', () => {
  it('takes the text its caller read (prepareKubeconfig) rather than reading the file again', () => {
    const file = join(dir, 'never-written');
    const connection = loadKubeconfig(file, {}, dump(kubeconfig({ token: 'given-text' })));
    expect(connection.server).toBe('https://k8s.example.com:6443');
  });

  it('reads the current context: server, CA and client certificate inline, or from files next to it', async () => {
    const inline = loadKubeconfig(
      write(
        'inline',
        kubeconfig(
          {
            'client-certificate-data': Buffer.from('CERT').toString('base64'),
            'client-key-data': Buffer.from('KEY').toString('base64'),
          },
          {
            'certificate-authority-data': Buffer.from('CA').toString('base64'),
            'tls-server-name': 'api',
          },
        ),
      ),
    );
    expect(inline).toMatchObject({
      server: 'https://k8s.example.com:6443',
      tlsServerName: 'api',
      insecureSkipTlsVerify: false,
    });
    expect([inline.ca?.toString(), inline.cert?.toString(), inline.key?.toString()]).toEqual([
      'CA',
      'CERT',
      'KEY',
    ]);
    expect(inline.source).toMatch(/inline \(context prod\)$/);

    writeFileSync(join(dir, 'ca.crt'), 'CA FILE');
    const files = loadKubeconfig(
      write('files', kubeconfig({ token: 'abc' }, { 'certificate-authority': 'ca.crt' })),
    );
    expect(files.ca?.toString()).toBe('CA FILE');
    expect(await files.authorization?.()).toBe('Bearer abc');
  });

  it("reads the cluster's proxy-url, and refuses a proxy the transport cannot speak to", () => {
    const proxied = loadKubeconfig(
      write(
        'proxied',
        kubeconfig({ token: 't' }, { 'proxy-url': 'http://user:s3cret@proxy.corp:3128' }),
      ),
    );
    expect(proxied.proxyUrl).toBe('http://user:s3cret@proxy.corp:3128/');
    expect(() =>
      loadKubeconfig(
        write('socks', kubeconfig({ token: 't' }, { 'proxy-url': 'socks5://proxy.corp:1080' })),
      ),
    ).toThrow('sets proxy-url to socks5; only http:// and https:// proxies are supported');
  });

  it('takes a token file, basic auth, or a credential plugin, which gets the exec info and its env', async () => {
    writeFileSync(join(dir, 'token'), 'from-file\n');
    expect(
      await loadKubeconfig(
        write('tokenfile', kubeconfig({ tokenFile: 'token' })),
      ).authorization?.(),
    ).toBe('Bearer from-file');
    expect(
      await loadKubeconfig(
        write('basic', kubeconfig({ username: 'ci', password: 'pw' })),
      ).authorization?.(),
    ).toBe(`Basic ${Buffer.from('ci:pw').toString('base64')}`);

    // A credential plugin of the test's own: a real executable speaking the
    // ExecCredential protocol, as any plugin a user's kubeconfig names.
    const plugin = join(dir, 'get-token');
    writeFileSync(
      plugin,
      '#!/bin/sh\n' +
        'case "$KUBERNETES_EXEC_INFO" in *\'"interactive":false\'*) ;; *) echo "no exec info" >&2; exit 3;; esac\n' +
        `printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s-%s"}}' "$1" "$REGION"\n`,
    );
    chmodSync(plugin, 0o755);
    const exec = loadKubeconfig(
      write(
        'exec',
        kubeconfig({
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: plugin,
            args: ['eks'],
            env: [{ name: 'REGION', value: 'eu' }],
          },
        }),
      ),
    );
    expect(await exec.authorization?.()).toBe('Bearer eks-eu');

    const failing = loadKubeconfig(
      write('exec-fails', kubeconfig({ exec: { command: plugin, env: null } })),
    );
    writeFileSync(plugin, '#!/bin/sh\necho "token expired: run aws sso login" >&2\nexit 1\n');
    await expect(failing.authorization?.()).rejects.toThrow(
      `The kubeconfig's credential plugin ${plugin} failed (exit code 1): token expired: run aws sso login`,
    );
  });

  it('merges a KUBECONFIG list first-wins, as kubectl does', () => {
    const first = write('first', {
      'current-context': 'prod',
      contexts: [{ name: 'prod', context: { cluster: 'c', user: 'u' } }],
    });
    const second = write('second', kubeconfig({ token: 't' }));
    const connection = loadKubeconfig(undefined, {
      KUBECONFIG: `${first}:${join(dir, 'missing')}:${second}`,
    });
    expect(connection.server).toBe('https://k8s.example.com:6443');
  });

  it('says what is wrong with a kubeconfig it cannot use', () => {
    expect(() =>
      loadKubeconfig(write('no-context', { ...kubeconfig({}), 'current-context': undefined })),
    ).toThrow('has no current-context');
    expect(() => loadKubeconfig(write('no-cluster', { ...kubeconfig({}), clusters: [] }))).toThrow(
      'has no cluster "c" with a server',
    );
    expect(() =>
      loadKubeconfig(write('provider', kubeconfig({ 'auth-provider': { name: 'gcp' } }))),
    ).toThrow(
      'authenticates with the "gcp" auth-provider, which was removed from Kubernetes clients',
    );
    expect(() =>
      loadKubeconfig(write('oidc', kubeconfig({ 'auth-provider': { name: 'oidc' } }))),
    ).toThrow('authenticates with the oidc auth-provider, which this client does not support');
    expect(() =>
      loadKubeconfig(
        write('missing-file', kubeconfig({ 'client-certificate': '/nowhere/cert.pem' })),
      ),
    ).toThrow(UserError);
    expect(() => loadKubeconfig(undefined, { HOME: dir })).toThrow(
      'No kubeconfig was given and none was found',
    );
  });
});

describe('credentials read from a kubeconfig', () => {
  it('a bearer token is masked as the kubeconfig is read', () => {
    const file = write('token-mask', kubeconfig({ token: 'tok-sentinel-123' }));
    expect(masks(() => loadKubeconfig(file))).toContain('tok-sentinel-123');
  });

  it('a client key is masked as read, inline (its base64 and the PEM) or from a file, and so is an inline client certificate', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nkey-sentinel-line-7c2e\n-----END PRIVATE KEY-----\n';
    const cert = Buffer.from('cert-sentinel-4b8d').toString('base64');
    const keyData = Buffer.from(key).toString('base64');
    const inline = write(
      'key-inline-mask',
      kubeconfig({ 'client-certificate-data': cert, 'client-key-data': keyData }),
    );
    const masked = masks(() => loadKubeconfig(inline));
    expect(masked).toEqual(expect.arrayContaining([keyData, 'key-sentinel-line-7c2e', cert]));

    writeFileSync(join(dir, 'client.key'), key.replace('7c2e', '9f31'));
    const fromFile = write(
      'key-file-mask',
      kubeconfig({ 'client-certificate-data': cert, 'client-key': 'client.key' }),
    );
    expect(masks(() => loadKubeconfig(fromFile))).toContain('key-sentinel-line-9f31');
  });

  it('a token file is masked as the kubeconfig is read, before the first request', () => {
    writeFileSync(join(dir, 'token-mask'), 'tokfile-sentinel-5a0e\n');
    const file = write('tokenfile-mask', kubeconfig({ tokenFile: 'token-mask' }));
    expect(masks(() => loadKubeconfig(file))).toContain('tokfile-sentinel-5a0e');
  });

  it('a password is masked, and so is the Basic header made from it', () => {
    const file = write('basic-mask', kubeconfig({ username: 'ci', password: 'pw-sentinel-456' }));
    const masked = masks(() => loadKubeconfig(file));
    expect(masked).toContain('pw-sentinel-456');
    expect(masked).toContain(Buffer.from('ci:pw-sentinel-456').toString('base64'));
  });
});
