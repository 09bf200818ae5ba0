import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ToolError, TransientError, UserError } from '../errors.js';
import { buildArguments, Docker, dockerFailure, runArguments } from './docker.js';

describe('docker command lines', () => {
  it('runs a build container without capabilities or privilege escalation, as the given user', () => {
    expect(
      runArguments({
        image: 'r/b@sha256:1',
        command: ['sh', '-c', 'make'],
        user: '1001:1001',
        workdir: '/workspace',
        mounts: [{ source: '/home/runner/work/a,b', target: '/workspace' }],
        env: { CI: 'true' },
      }),
    ).toEqual(
      [
        'run --rm --cap-drop ALL --security-opt no-new-privileges --user 1001:1001',
        '--mount type=bind,"source=/home/runner/work/a,b",target=/workspace',
        '--workdir /workspace --env CI=true r/b@sha256:1 sh -c make',
      ]
        .join(' ')
        .split(' '),
    );
  });

  it('builds with BuildKit, no attestations (one manifest, not an index), reading the digest from a metadata file', () => {
    expect(
      buildArguments({
        context: '/t/image',
        dockerfile: '/t/Dockerfile',
        tags: ['r/app:content-1'],
        output: 'push',
        metadataFile: '/t/meta.json',
        cacheFrom: ['type=registry,ref=r/app:buildcache'],
        cacheTo: [],
      }),
    ).toEqual(
      [
        'buildx build --progress plain --provenance=false --sbom=false',
        '--file /t/Dockerfile --metadata-file /t/meta.json --tag r/app:content-1',
        '--cache-from type=registry,ref=r/app:buildcache --push /t/image',
      ]
        .join(' ')
        .split(' '),
    );
  });
});

describe('docker failures as a user sees them', () => {
  const failed = (stderr: string) =>
    dockerFailure(['buildx', 'build'], { exitCode: 1, stdout: '', stderr }, 'build the image');

  it.each([
    [
      'ERROR: failed to push r/app:1: unauthorized: authentication required',
      UserError,
      /the registry refused access/,
    ],
    ['denied: requested access to the resource is denied', UserError, /refused access/],
    ['x509: certificate signed by unknown authority', UserError, /TLS certificate is not trusted/],
    [
      'ERROR: failed to solve: r/rt@sha256:1: not found: manifest unknown',
      UserError,
      /an image it needs does not exist/,
    ],
    [
      'error: received unexpected HTTP status: 503 Service Unavailable',
      TransientError,
      /503 Service Unavailable/,
    ],
    [
      'write tcp 127.0.0.1:1->127.0.0.1:2: connection reset by peer',
      TransientError,
      /connection reset by peer/,
    ],
    [
      'ERROR: failed to solve: process "/bin/sh -c x" did not complete: permission denied',
      ToolError,
      /exited with code 1/,
    ],
  ])('%s', (stderr, type, message) => {
    const error = failed(stderr);
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
  });
});

describe('the docker config of a run', () => {
  // Logging in into it runs the real docker: docker.itg.test.ts.
  function userConfig(): string {
    const dir = mkdtempSync(join(tmpdir(), 'pa-user-docker-'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'ghcr.io': { auth: 'dXNlcjpwYXNz' } },
        credsStore: 'desktop',
        credHelpers: { 'registry.example.com': 'ecr-login', 'other.example.com': 'gcloud' },
      }),
    );
    mkdirSync(join(dir, 'buildx'));
    return dir;
  }

  it("starts from the user's logins and builders, without their credential store; remove() deletes it", async () => {
    const user = userConfig();
    const docker = await Docker.create(mkdtempSync(join(tmpdir(), 'pa-t-')), {
      userConfigDir: user,
    });
    const config = JSON.parse(readFileSync(join(docker.configDir, 'config.json'), 'utf8'));
    expect(config).toEqual({
      auths: { 'ghcr.io': { auth: 'dXNlcjpwYXNz' } },
      credHelpers: { 'registry.example.com': 'ecr-login', 'other.example.com': 'gcloud' },
    });
    expect(lstatSync(join(docker.configDir, 'buildx')).isSymbolicLink()).toBe(true);
    expect(lstatSync(docker.configDir).mode & 0o777).toBe(0o700);
    await docker.remove();
    expect(existsSync(docker.configDir)).toBe(false);
    expect(existsSync(join(user, 'buildx'))).toBe(true);
  });
});
