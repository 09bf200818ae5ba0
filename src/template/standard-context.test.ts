import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/load.js';
import { buildPlaceholderContext } from './standard-context.js';

const MANIFEST = `{
  "namespace": "shop",
  "application": { "name": "storefront", "type": "http_html", "version": "3.x.x" },
  "build": { "system_setup": { "buildfacts": { "nodejs": "20" } }, "build_steps": [{ "shell": "make" }] },
  "artifacts": ["dist"],
  "services": [
    { "name": "admin", "external_url": "https://admin.shop.example.com", "application": "shop/admin",
      "instances": { "min": 1, "max": 2 } },
    { "name": "web", "external_url": "https://shop.example.com/store", "application": "shop/storefront",
      "instances": { "min": 2, "max": 6 } }
  ]
}`;

describe('the standard placeholder context', () => {
  const manifest = parseManifest(MANIFEST, 'default.json');
  const digest = 'sha256:' + 'b'.repeat(64);
  const context = buildPlaceholderContext({
    manifest,
    environment: 'stage',
    build: { image: `127.0.0.1:5000/shop/storefront:3.1.5@${digest}`, version: '3.1.5' },
    env: { REGION: 'eu', APP_NAME: 'overridden?', DB_TOKEN: 'tok-123456' },
  });
  const value = (name: string) => context.get(name)?.value;

  it('takes app, namespace and environment from default.json', () => {
    expect([value('APP_NAME'), value('APP_TYPE'), value('APP_VERSION')]).toEqual([
      'storefront',
      'http_html',
      '3.x.x',
    ]);
    expect([value('NAMESPACE'), value('BASE_NAMESPACE'), value('ENVIRONMENT')]).toEqual([
      'shop-stage',
      'shop',
      'stage',
    ]);
  });

  it('takes instances and host from the service of this application, and every service by name', () => {
    expect([
      value('INSTANCES_MIN'),
      value('INSTANCES_MAX'),
      value('EXTERNAL_HOST'),
      value('EXTERNAL_PATH'),
    ]).toEqual([2, 6, 'shop.example.com', '/store']);
    expect([value('SERVICE_ADMIN_INSTANCES_MAX'), value('SERVICE_ADMIN_EXTERNAL_HOST')]).toEqual([
      2,
      'admin.shop.example.com',
    ]);
  });

  it('splits the image build-image produced', () => {
    expect([
      value('IMAGE_NAME'),
      value('IMAGE_TAG'),
      value('IMAGE_DIGEST'),
      value('VERSION'),
    ]).toEqual(['127.0.0.1:5000/shop/storefront', '3.1.5', digest, '3.1.5']);
  });

  it('lets the workflow add variables but not override default.json', () => {
    expect(value('REGION')).toBe('eu');
    expect(value('APP_NAME')).toBe('storefront');
    expect(context.get('DB_TOKEN')?.secret).toBe(true);
  });
});
