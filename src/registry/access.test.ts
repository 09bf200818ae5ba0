import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { masks } from '../../test/support/masks.js';
import { UserError } from '../errors.js';
import {
  caFile,
  loginFor,
  readCa,
  readLogin,
  readRegistryInputs,
  scopedAccess,
  type Login,
} from './access.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const login: Login = { username: 'ci', password: 'pa55-word' };

function directory(): string {
  return mkdtempSync(join(tmpdir(), 'registry-access-'));
}

function userError(action: () => unknown): { message: string; fix: string | undefined } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return { message: (error as UserError).message, fix: (error as UserError).fix };
  }
  throw new Error('expected a UserError');
}

describe('registry access: every rule once, with its one message', () => {
  const workspace = directory();
  writeFileSync(join(workspace, 'ca.pem'), PEM);
  writeFileSync(join(workspace, 'notes.txt'), 'not a certificate\n');
  mkdirSync(join(workspace, 'certs'));
  const both = 'set both registry-username and registry-password (a registry login), or neither';

  it.each([
    // [rule, inputs, message]
    [
      'a user name needs its password',
      { 'registry-username': 'ci', 'registry-password': undefined },
      'Input "registry-username" is set but "registry-password" is not.',
    ],
    [
      // Stricter than build-image was (it sent a lone password as a bearer token): every action now says no.
      'a password needs its user name',
      { 'registry-username': undefined, 'registry-password': 'pa55-word' },
      'Input "registry-password" is set but "registry-username" is not.',
    ],
  ])('%s', (_rule, inputs, message) => {
    const error = userError(() => readLogin(inputs));
    expect(error.message).toBe(message);
    expect(error.fix).toContain(both);
  });

  it('neither half is no login, and nothing to mask', () => {
    let result: unknown = 'unset';
    const masked = masks(() => {
      result = readLogin({ 'registry-username': undefined, 'registry-password': undefined });
    });
    expect(result).toBeUndefined();
    expect(masked).toEqual([]);
  });

  it('both halves are the login, masked with the base64 form registries see', () => {
    let result: unknown;
    const masked = masks(() => {
      result = readLogin({ 'registry-username': 'ci', 'registry-password': 'pa55-word' });
    });
    expect(result).toEqual(login);
    expect(masked).toEqual(
      expect.arrayContaining([
        'pa55-word',
        Buffer.from('ci:pa55-word').toString('base64'),
        Buffer.from('pa55-word').toString('base64'),
      ]),
    );
  });

  it('a CA given as PEM is written to a private file in the scratch directory', () => {
    const scratch = directory();
    const ca = readCa(PEM, workspace);
    expect(ca).toEqual({ pem: PEM, path: undefined });
    const file = caFile(ca!, scratch);
    expect(file).toBe(join(scratch, 'registry-ca.pem'));
    expect(readFileSync(file, 'utf8')).toBe(PEM);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a CA given as a path is read relative to the workspace, and used where it is', () => {
    const ca = readCa('ca.pem', workspace);
    expect(ca).toEqual({ pem: PEM, path: join(workspace, 'ca.pem') });
    expect(caFile(ca!, directory())).toBe(join(workspace, 'ca.pem'));
  });

  it.each([
    [
      'a CA path names a file',
      'missing.pem',
      `Input "registry-ca" is neither a PEM certificate nor a file on the runner (${join(workspace, 'missing.pem')}).`,
    ],
    [
      'a CA path names a file, not a directory',
      'certs',
      `Input "registry-ca" is neither a PEM certificate nor a file on the runner (${join(workspace, 'certs')}).`,
    ],
    [
      // Stricter than build-image was (it took any file): every action now says no.
      'a CA file holds PEM',
      'notes.txt',
      `Input "registry-ca" names ${join(workspace, 'notes.txt')}, which is not a PEM certificate.`,
    ],
  ])('%s', (_rule, value, message) => {
    expect(userError(() => readCa(value, workspace)).message).toBe(message);
  });

  it('no CA input is no CA', () => {
    expect(readCa(undefined, workspace)).toBeUndefined();
    expect(
      readRegistryInputs(
        {
          'registry-username': undefined,
          'registry-password': undefined,
          'registry-ca': undefined,
        },
        { workspace, scratch: directory() },
      ),
    ).toEqual({ login: undefined, ca: undefined });
  });

  it.each([
    [
      "the login goes to an oci:// chart's registry and the image's, nowhere else",
      { chart: 'oci://charts.example.com:5443/team/shop', image: 'ghcr.io/acme/shop:1.0.0' },
      ['charts.example.com:5443', 'ghcr.io'],
    ],
    [
      // The chart of a repository (repo/name) or a directory names no registry, even if it parses as one.
      'a chart from a repository or a directory is no registry',
      { chart: 'bitnami/nginx', image: undefined },
      [],
    ],
    [
      'a reference that does not parse is no registry',
      { chart: 'oci://', image: 'UPPER CASE' },
      [],
    ],
  ])('%s', (_rule, owners, hosts) => {
    const access = scopedAccess(login, owners, '/ca.pem');
    expect(Object.keys(access.credentials ?? {})).toEqual(hosts);
    expect(access.caFile).toBe('/ca.pem');
  });

  it('without a login, no host gets one', () => {
    expect(
      scopedAccess(undefined, { chart: 'oci://ghcr.io/a/b', image: undefined }, undefined),
    ).toEqual({});
  });

  it("a dependency's registry gets the login when it is a destination's, else docker login's user name and password", () => {
    const config = join(directory(), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        auths: {
          'https://deps.example.com/v2/': {
            auth: Buffer.from('stored:secret').toString('base64'),
          },
          'tokens.example.com': { registrytoken: 'abc' },
        },
      }),
    );
    const own = (host: string) =>
      host === 'push.example.com' || host === 'https://repo.example.com';
    expect(loginFor('push.example.com', own, login, config)).toEqual(login);
    expect(loginFor('https://repo.example.com', own, login, config)).toEqual(login);
    expect(loginFor('deps.example.com', own, login, config)).toEqual({
      username: 'stored',
      password: 'secret',
    });
    // A stored registry token is not a login helm can use; a repository elsewhere gets nothing.
    expect(loginFor('tokens.example.com', own, login, config)).toBeUndefined();
    expect(loginFor('https://charts.elsewhere.com', own, login, config)).toBeUndefined();
    expect(loginFor('other.example.com', own, login, config)).toBeUndefined();
  });
});
