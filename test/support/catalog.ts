import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../env/environment.js';

/**
 * A standard-image catalog for the local environment: the builder and
 * runtime images test/env/up built (test/env/images/builder-nodejs and
 * runtime-http), pinned by the digests it recorded. Tests pass other
 * references to simulate a platform team changing a base image.
 */
export interface LocalCatalogOptions {
  runtime?: string;
  builder?: string;
}

export function localCatalog(env: Environment, options: LocalCatalogOptions = {}): string {
  const builder = options.builder ?? image(env, 'builder-nodejs');
  const runtime = options.runtime ?? image(env, 'runtime-http');
  return [
    'apiVersion: pipeline-actions/v1',
    'builders:',
    '  nodejs:',
    `    image: ${builder}`,
    '    user: "10001:10001"',
    '    toolchains: { nodejs: "18", shell: default }',
    'default_builder: nodejs',
    'runtimes:',
    '  http_html:',
    `    image: ${runtime}`,
    '    user: "10001:10001"',
    '    port: 8080',
    '    app_dir: /srv/app',
    '    probes: { liveness: { http: / }, readiness: { http: / } }',
    '',
  ].join('\n');
}

export function writeLocalCatalog(
  dir: string,
  env: Environment,
  options: LocalCatalogOptions = {},
): string {
  const path = join(dir, 'catalog.yaml');
  writeFileSync(path, localCatalog(env, options));
  return path;
}

function image(env: Environment, name: string): string {
  const ref = env.images[name];
  if (!ref)
    throw new Error(
      `test/env/up did not build the standard image "${name}" (test/env/images/${name}); run test/env/up`,
    );
  return ref;
}
