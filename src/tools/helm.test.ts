import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ToolError, TransientError, UserError } from '../errors.js';
import { HelmHome, helmFailure, helmPlatform, parseHelmVersion, releaseFailure } from './helm.js';

describe('the helm-version input', () => {
  it.each([
    ['v3.17.3', 'v3.17.3'],
    ['3.17.3', 'v3.17.3'],
    ['v4.1.4', 'v4.1.4'],
    ['v4.0.0-rc.1', 'v4.0.0-rc.1'],
  ])('pins %s', (text, version) => {
    expect(parseHelmVersion(text)).toEqual({ kind: 'release', version });
  });

  it('takes "path" for the helm on PATH', () => {
    expect(parseHelmVersion('path')).toEqual({ kind: 'path' });
  });

  it.each([
    ['latest', 'neither an exact helm version nor "path"'],
    ['3.x', 'neither an exact helm version nor "path"'],
    ['v2.17.0', 'helm 3 and helm 4 are supported'],
  ])('refuses %s', (text, why) => {
    expect(() => parseHelmVersion(text)).toThrow(UserError);
    expect(() => parseHelmVersion(text)).toThrow(why);
  });
});

describe("helm's names for the platform", () => {
  it.each([
    ['linux', 'x64', 'linux', 'amd64'],
    ['linux', 'arm64', 'linux', 'arm64'],
    ['darwin', 'arm64', 'darwin', 'arm64'],
    ['win32', 'x64', 'windows', 'amd64'],
  ] as const)('%s/%s is %s-%s', (platform, cpu, os, arch) => {
    expect(helmPlatform(platform, cpu)).toEqual({ os, arch });
  });

  it('says when there is no binary', () => {
    expect(() => helmPlatform('aix', 'ppc')).toThrow(/helm publishes no binary for aix\/ppc/);
  });
});

describe('helm failures', () => {
  const fail = (stderr: string) =>
    helmFailure('push to oci://r/x', ['push'], { exitCode: 1, stdout: '', stderr });

  it.each([
    'Error: failed to do request: Head "http://127.0.0.1:5000/v2/x/manifests/1": read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer',
    'Error: unexpected status from HEAD request: 503 Service Unavailable',
    'Error: Get "https://r/v2/": net/http: TLS handshake timeout',
  ])('is worth a retry when the network failed: %s', (stderr) => {
    expect(fail(stderr)).toBeInstanceOf(TransientError);
  });

  it('blames the credentials on a 401', () => {
    const error = fail(
      'Error: login attempt to https://r:5443/v2/ failed with status: 401 Unauthorized',
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'helm push to oci://r/x was refused: Error: login attempt to https://r:5443/v2/ failed with status: 401 Unauthorized',
    );
  });

  it('asks for the CA when the certificate is not trusted', () => {
    const error = fail(
      'Error: tls: failed to verify certificate: x509: certificate signed by unknown authority',
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fix).toContain('registry-ca');
  });

  it('keeps anything else as a tool error with its output', () => {
    const error = fail('Error: chart requires kubeVersion: >=1.30');
    expect(error).toBeInstanceOf(ToolError);
    expect(error.message).toContain('kubeVersion');
  });

  it('does not take a file permission problem for a credentials problem', () => {
    expect(fail('Error: open /x/y.tgz: permission denied')).toBeInstanceOf(ToolError);
  });
});

describe('helm release failures', () => {
  const fail = (stderr: string) =>
    releaseFailure('shop', ['upgrade', 'shop'], { exitCode: 1, stdout: '', stderr });

  // What helm 3 and 4 printed through the fault proxy in front of the API server
  // (actions/helm-deploy/src/faults.itg.test.ts runs them for real).
  it.each([
    'Error: UPGRADE FAILED: create: failed to create: the server is currently unable to handle the request (post secrets)',
    'Error: UPGRADE FAILED: create: failed to create: Post "https://127.0.0.1:1/api/v1/namespaces/x/secrets": EOF',
    'Error: UPGRADE FAILED: create: failed to create: Post "https://127.0.0.1:1/api/v1/namespaces/x/secrets": use of closed network connection',
    'Error: UPGRADE FAILED: the server has received too many requests and has asked us to try again later (get secrets)',
  ])('an API server that failed helm is an outage: %s', (stderr) => {
    const error = fail(stderr);
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe(`helm upgrade: ${stderr.slice('Error: '.length)}`);
  });

  it.each([
    'Error: UPGRADE FAILED: context deadline exceeded',
    'Error: UPGRADE FAILED: YAML parse error on shop/templates/a.yaml: error converting YAML to JSON: yaml: unexpected EOF',
  ])('a wait that timed out and a broken template are not: %s', (stderr) => {
    expect(fail(stderr)).toBeInstanceOf(ToolError);
  });
});

describe("helm's private home", () => {
  it('points every helm directory inside it and removes it afterwards', () => {
    const home = HelmHome.create();
    const env = home.env();
    for (const value of Object.values(env)) expect(value.startsWith(home.root)).toBe(true);
    expect(home.globalArgs()).toEqual([
      '--registry-config',
      env.HELM_REGISTRY_CONFIG,
      '--repository-config',
      env.HELM_REPOSITORY_CONFIG,
      '--repository-cache',
      env.HELM_REPOSITORY_CACHE,
    ]);
    home.dispose();
    expect(existsSync(home.root)).toBe(false);
  });
});
