import { readFile, stat } from 'node:fs/promises';
import { TransientError, UserError, errorMessage } from '../errors.js';
import { isLoopbackHost } from '../http/proxy.js';
import { HttpTransport, ResponseTooLargeError, transientStatus } from '../http/transport.js';
import { retry, type RetryOptions } from '../retry.js';
import { MAX_CATALOG_BYTES, parseCatalog, type Catalog } from './catalog.js';

/**
 * Reads the catalog from a file or an https URL (plain http only on this
 * machine's loopback, for tests), bounded in size and time; transient HTTP
 * failures are retried.
 */
export interface CatalogSourceOptions {
  retry?: RetryOptions;
  timeoutMs?: number;
}

/** Whether a catalog location is a URL rather than a file path. */
export function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

export async function loadCatalog(
  location: string,
  options: CatalogSourceOptions = {},
): Promise<Catalog> {
  const text = isUrl(location)
    ? await fetchCatalog(location, options)
    : await readCatalogFile(location);
  return parseCatalog(text, location);
}

async function readCatalogFile(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new UserError(`The catalog ${path} is not a file.`, {
        fix: 'point the "catalog" input at the catalog YAML file.',
      });
    if (info.size > MAX_CATALOG_BYTES) throw tooLarge(path, info.size);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `No standard-image catalog at ${path}.`
        : `The catalog ${path} cannot be read: ${errorMessage(error)}.`,
      {
        fix: 'set the "catalog" input to the path of the catalog file (relative to the workspace) or its https URL; leave it empty for the catalog of this release.',
        cause: error,
      },
    );
  }
}

async function fetchCatalog(location: string, options: CatalogSourceOptions): Promise<string> {
  const url = new URL(location);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new UserError(`The catalog URL ${url.origin}${url.pathname} is not https.`, {
      fix: 'serve the catalog over https (plain http is accepted only on the loopback address).',
    });
  }
  if (url.username || url.password) {
    throw new UserError('The catalog URL carries credentials.', {
      fix: 'publish the catalog where it can be read without credentials in the URL.',
    });
  }
  const transport = new HttpTransport({
    userAgent: 'pipeline-actions',
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  try {
    return await retry(async () => {
      let response;
      try {
        response = await transport.requestFollowing({
          method: 'GET',
          url,
          maxBodyBytes: MAX_CATALOG_BYTES,
        });
      } catch (error) {
        if (error instanceof ResponseTooLargeError) throw tooLarge(url.href, error.size);
        if (error instanceof UserError) throw error;
        throw new TransientError(
          `Could not fetch the catalog ${url.href}: ${errorMessage(error)}`,
          {
            cause: error,
          },
        );
      }
      const transient = transientStatus(
        response,
        `The catalog server answered HTTP ${response.status} for ${url.href}.`,
      );
      if (transient) throw transient;
      if (response.status < 200 || response.status >= 300) {
        throw new UserError(
          `The catalog server answered HTTP ${response.status} for ${url.href}.`,
          {
            fix: 'check the "catalog" URL.',
          },
        );
      }
      return response.body.toString('utf8');
    }, options.retry);
  } finally {
    transport.close();
  }
}

function tooLarge(source: string, bytes: number): UserError {
  return new UserError(
    `The catalog ${source} is ${bytes} bytes; at most ${MAX_CATALOG_BYTES} are accepted.`,
    {
      fix: 'check that the "catalog" input names the catalog YAML and not another file.',
    },
  );
}
