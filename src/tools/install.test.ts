import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { cacheVersion, parseChecksumFile } from './install.js';

const HEX = 'c'.repeat(64);

describe('checksum files', () => {
  it.each([
    [`${HEX}\n`, 'a bare .sha256'],
    [`${HEX}  helm-v3.17.3-linux-amd64.tar.gz\n`, "sha256sum's .sha256sum"],
    [`${HEX.toUpperCase()} *helm.zip`, 'upper case, binary mode'],
  ])('reads %j (%s)', (text) => {
    expect(parseChecksumFile(text, 'x')).toBe(HEX);
  });

  it('refuses a file that holds no checksum (an HTML error page)', () => {
    expect(() => parseChecksumFile('<html>404</html>', 'https://mirror/helm.sha256sum')).toThrow(
      UserError,
    );
    expect(() => parseChecksumFile('', 'https://mirror/helm.sha256sum')).toThrow(
      'https://mirror/helm.sha256sum does not hold a sha256 checksum.',
    );
  });

  it('keys the tool cache without the v', () => {
    expect(cacheVersion('v3.17.3')).toBe('3.17.3');
    expect(cacheVersion('4.1.4')).toBe('4.1.4');
  });
});
