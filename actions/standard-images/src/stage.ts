import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '../../../src/core.js';
import { parseCatalog, type Catalog } from '../../../src/build/catalog.js';
import { pinCatalog } from '../../../src/build/pin-catalog.js';
import { UserError, errorMessage } from '../../../src/errors.js';
import { RegistryPool, parseReference } from '../../../src/oci/index.js';
import { readCa, readLogin } from '../../../src/registry/index.js';
import { catalogRegistries } from '../../../src/fleet/changes.js';
import type { FleetApp } from '../../../src/fleet/fleet-file.js';
import type { Inputs } from './inputs.js';

/** The new catalog and the one before it (undefined at the first publish). */
export interface Published {
  readonly catalog: Catalog;
  readonly previous: Catalog | undefined;
}

/**
 * The template of this release: catalog/standard-images.yaml of the
 * repository the action runs from (the runner downloads all of it, so it
 * sits three levels above this file, in src/ as in dist/).
 */
export function bundledTemplate(): string {
  const parts = ['..', '..', '..', 'catalog', 'standard-images.yaml'];
  return join(dirname(fileURLToPath(import.meta.url)), ...parts);
}

export async function publishCatalog(inputs: Inputs): Promise<Published> {
  const previousPath =
    inputs['previous-catalog'] ??
    (Object.keys(inputs.images).length > 0 && existsSync(inputs.catalog)
      ? inputs.catalog
      : undefined);
  const previousText = previousPath
    ? await readText(previousPath, 'previous catalog', '"previous-catalog"')
    : undefined;
  let text: string;
  if (Object.keys(inputs.images).length > 0) {
    const templatePath = inputs.template ?? bundledTemplate();
    const source = inputs.template ?? 'catalog/standard-images.yaml (this release)';
    const template = await readText(templatePath, 'catalog template', '"template"');
    try {
      text = pinCatalog(template, inputs.images, source, {
        header: `Published from ${source}; every image by digest. Written by pipeline-actions/standard-images: do not edit by hand.`,
      });
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(errorMessage(error), {
        fix: 'push every image the template names and list each one in "images".',
        location: { file: source },
      });
    }
    const catalog = parseCatalog(text, inputs.catalog);
    await mkdir(dirname(inputs.catalog), { recursive: true });
    await writeFile(inputs.catalog, text);
    core.info(`Wrote the pinned catalog ${inputs.catalog} (${catalog.builders.length} builders).`);
    return { catalog, previous: parsePrevious(previousText, previousPath) };
  }
  text = await readText(inputs.catalog, 'catalog', '"catalog"');
  return {
    catalog: parseCatalog(text, inputs.catalog),
    previous: parsePrevious(previousText, previousPath),
  };
}

function parsePrevious(text: string | undefined, path: string | undefined): Catalog | undefined {
  if (text === undefined || path === undefined) return undefined;
  return parseCatalog(text, path, { role: 'the previous catalog' });
}

async function readText(path: string, what: string, input: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`The ${what} ${path} cannot be read: ${errorMessage(error)}.`, {
      fix: `check ${input}: a path relative to the workspace.`,
      cause: error,
    });
  }
}

/**
 * The hosts the login goes to: the standard images' registry (where the
 * platform's token belongs), for the applications whose images live there.
 * An application elsewhere is read with docker's config.json or anonymously.
 */
export function loginHosts(catalog: Catalog, apps: readonly FleetApp[]): string[] {
  const own = catalogRegistries(catalog);
  const hosts = new Set(apps.map((app) => parseReference(app.image).registry));
  return [...hosts].filter((host) => own.has(host)).sort();
}

/** Clients for the applications' registries; the login goes to loginHosts() only. */
export function appRegistries(
  inputs: Inputs,
  catalog: Catalog,
  apps: readonly FleetApp[],
): RegistryPool {
  const login = readLogin(inputs);
  const ca = readCa(inputs['registry-ca'], process.cwd())?.pem;
  const hosts = loginHosts(catalog, apps);
  return new RegistryPool({
    userAgent: 'pipeline-actions/standard-images',
    ca,
    credentials: login ? Object.fromEntries(hosts.map((host) => [host, login])) : undefined,
    log: (line) => core.debug(line),
  });
}
