import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_URLS, metadataUrl, parseMetadata, requireSecureUrl } from './install.js';

const SHA = 'd28696b523eaa1040f5c17693fc102e2c22a9ecc0e1296284f9c610e250eb66c';

describe('the omnitruck metadata API', () => {
  it('asks for product, version and platform; Chef downloads carry the licence id', () => {
    const platform = { p: 'ubuntu', pv: '24.04', m: 'x86_64' };
    expect(
      metadataUrl({
        product: 'cinc-auditor',
        version: '6.8.24',
        baseUrl: DEFAULT_DOWNLOAD_URLS['cinc-auditor'],
        platform,
      }),
    ).toBe(
      'https://omnitruck.cinc.sh/stable/cinc-auditor/metadata?v=6.8.24&p=ubuntu&pv=24.04&m=x86_64',
    );
    expect(
      metadataUrl({
        product: 'inspec',
        version: '6',
        baseUrl: 'https://mirror.example.com/omnitruck/',
        platform,
        licenseKey: 'k-1',
      }),
    ).toBe(
      'https://mirror.example.com/omnitruck/stable/inspec/metadata?v=6&p=ubuntu&pv=24.04&m=x86_64&license_id=k-1',
    );
  });

  it('reads the `key value` answer (the documented example) and the JSON one', () => {
    const text = `sha1 b56f0ebce281d360613ee4f8ca8ce654e915d726\nsha256 ${SHA}\nurl https://packages.chef.io/files/stable/chef/16.0.257/ubuntu/20.04/chef_16.0.257-1_amd64.deb\nversion 16.0.257\n`;
    expect(parseMetadata(text, 'x')).toEqual({
      sha256: SHA,
      url: 'https://packages.chef.io/files/stable/chef/16.0.257/ubuntu/20.04/chef_16.0.257-1_amd64.deb',
      version: '16.0.257',
    });
    expect(
      parseMetadata(
        JSON.stringify({ sha256: SHA.toUpperCase(), url: 'https://x/y.deb', version: '6.8.24' }),
        'x',
      ),
    ).toEqual({
      sha256: SHA,
      url: 'https://x/y.deb',
      version: '6.8.24',
    });
  });

  it('refuses an answer without a url or a real sha256', () => {
    expect(() => parseMetadata('url https://x/y.deb\nsha256 abc\n', 'the mirror')).toThrow(
      'the package service answered without a package URL and sha256 (the mirror).',
    );
    expect(() => parseMetadata('<html>maintenance</html>', 'the mirror')).toThrow(
      'without a package URL',
    );
  });

  it('accepts https anywhere and plain http only on this machine', () => {
    expect(() =>
      requireSecureUrl('https://omnitruck.cinc.sh/x', 'inspec-download-url'),
    ).not.toThrow();
    expect(() => requireSecureUrl('http://127.0.0.1:8080/x', 'inspec-download-url')).not.toThrow();
    expect(() => requireSecureUrl('http://mirror.internal/x', 'inspec-download-url')).toThrow(
      'must be an https:// URL',
    );
    expect(() => requireSecureUrl('ftp://mirror/x', 'the package URL')).toThrow(
      'the package URL must be an https:// URL, not ftp://mirror.',
    );
  });
});
