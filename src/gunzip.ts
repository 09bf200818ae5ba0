import type { ZlibOptions } from 'node:zlib';

/**
 * zlib's gunzipSync, with zlib loaded at the first call rather than with the
 * module that uses it: the steps that decompress (a release's storage entry, a
 * chart archive, an image layer) do it after their first request, and zlib
 * loaded at start is about 0.3 MiB more start-up peak memory.
 */
export function gunzip(data: Buffer | Uint8Array, options?: ZlibOptions): Buffer {
  return process.getBuiltinModule('node:zlib').gunzipSync(data, options);
}
