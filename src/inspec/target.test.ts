import { describe, expect, it, vi } from 'vitest';
import { masks } from '../../test/support/masks.js';
import { parseTarget } from './target.js';

describe('targets', () => {
  it.each([
    ['local', 'local', []],
    ['local://', 'local', []],
    ['docker://3f2a9c', 'docker', ['--target', 'docker://3f2a9c']],
    ['ssh://deploy@10.0.0.5:2222', 'ssh', ['--target', 'ssh://deploy@10.0.0.5:2222']],
    ['winrm://Administrator@win01', 'winrm', ['--target', 'winrm://Administrator@win01']],
    ['k8s://shop-stage', 'k8s', ['--target', 'k8s://shop-stage']],
    [
      'k8s-container://shop-stage/web-0/nginx',
      'k8s-container',
      ['--target', 'k8s-container://shop-stage/web-0/nginx'],
    ],
  ])('%s is a %s target given to InSpec as %j', (text, scheme, args) => {
    expect(parseTarget(text)).toMatchObject({ scheme, args });
  });

  it('masks a password written into the URL and hides it in the display form', () => {
    // core.setSecret() is the `::add-mask::` workflow command on stdout (% escaped as %25).
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const target = parseTarget('ssh://deploy:s3cr%40t@host');
    const masked = write.mock.calls.map(([text]) => String(text).trim());
    write.mockRestore();
    expect(target.display).toBe('ssh://deploy:***@host');
    expect(target.args).toEqual(['--target', 'ssh://deploy:s3cr%40t@host']);
    expect(masked).toEqual(
      expect.arrayContaining(['::add-mask::s3cr%2540t', '::add-mask::s3cr@t']),
    );
  });

  it.each([
    [
      'ftp://host',
      'Target "ftp://host" uses the scheme "ftp", which inspec-verify does not support.',
    ],
    ['my-server', 'Target "my-server" is not a target URL.'],
    ['--target=x', 'Target "--target=x" is not a target URL.'],
  ])('rejects %s', (text, message) => {
    expect(() => parseTarget(text)).toThrow(message);
  });

  it.each([
    [
      'ftp://deploy:pw-sentinel-1c4f@host',
      'Target "ftp://deploy:***@host" uses the scheme "ftp", which inspec-verify does not support.',
    ],
    ['deploy:pw-sentinel-1c4f@host', 'Target "***@host" is not a target URL.'],
  ])('rejects %s without quoting its password, masked first', (text, message) => {
    let error: unknown;
    const masked = masks(() => {
      try {
        parseTarget(text);
      } catch (caught) {
        error = caught;
      }
    });
    expect((error as Error).message).toBe(message);
    if (text.includes('://')) expect(masked).toContain('pw-sentinel-1c4f');
  });
});
