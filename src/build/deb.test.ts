import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/index.js';
import { debianVersion, debPackage } from './deb.js';

describe('the Debian package', () => {
  it('is <namespace>-<app>, installs into /opt/<namespace>/<app>, carries the version', () => {
    const manifest = parseManifest(
      JSON.stringify({
        namespace: 'shop',
        application: { name: 'storefront', type: 'http_html', version: '1.0.x' },
      }),
      'default.json',
    );
    const deb = debPackage(manifest, '1.0.3');
    expect(deb.name).toBe('shop-storefront');
    expect(deb.installDir).toBe('/opt/shop/storefront');
    expect(deb.control).toBe(
      [
        'Package: shop-storefront',
        'Version: 1.0.3',
        'Architecture: all',
        'Maintainer: shop team',
        'Section: misc',
        'Priority: optional',
        'Description: storefront (http_html) of team shop',
        ' Built from default.json by pipeline-actions build-image; installs into',
        ' /opt/shop/storefront.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2.3-rc.1', '1.2.3~rc.1'],
    ['1.2.3-beta-2', '1.2.3~beta.2'],
    ['1.2.3+build.7', '1.2.3+build.7'],
    ['1.2.3-rc.1+b', '1.2.3~rc.1+b'],
  ])(
    'semver %s is Debian version %s (a pre-release sorts before its release)',
    (semver, debian) => {
      expect(debianVersion(semver)).toBe(debian);
    },
  );
});
