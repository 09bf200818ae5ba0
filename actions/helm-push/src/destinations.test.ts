import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { ociRef, parseDestination } from './destinations.js';

describe('destinations', () => {
  it.each([
    [
      'oci://127.0.0.1:5000/team/charts',
      { kind: 'oci', registry: '127.0.0.1:5000', path: 'team/charts' },
    ],
    ['oci://ghcr.io/acme/', { kind: 'oci', registry: 'ghcr.io', path: 'acme' }],
    ['oci://registry.example.com', { kind: 'oci', registry: 'registry.example.com', path: '' }],
    ['https://charts.example.com/team/', { kind: 'http', url: 'https://charts.example.com/team' }],
    ['http://127.0.0.1:8080', { kind: 'http', url: 'http://127.0.0.1:8080' }],
  ])('reads %s', (text, expected) => {
    expect(parseDestination(text)).toMatchObject(expected);
  });

  it.each([
    ['ghcr.io/acme', 'must start with oci://'],
    ['oci://ghcr.io/acme/storefront:1.0.0', 'without a chart name, tag or digest'],
    ['oci://ghcr.io/Acme', 'is not a valid repository path'],
    ['oci:///charts', 'oci://host[:port]/path'],
    ['https://user:pw@charts.example.com', 'pass them in the username and password inputs'],
  ])('refuses %s', (text, why) => {
    let error: unknown;
    try {
      parseDestination(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(why);
    expect((error as UserError).message).not.toContain('pw@');
  });

  it('writes a + in the version as _ in the published tag', () => {
    const destination = parseDestination('oci://127.0.0.1:5000/charts');
    if (destination.kind !== 'oci') throw new Error('oci expected');
    expect(ociRef(destination, 'storefront', '1.2.3+build.7')).toBe(
      'oci://127.0.0.1:5000/charts/storefront:1.2.3_build.7',
    );
  });
});
