#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pinCatalog, templateImages } from '../src/build/pin-catalog.ts';

export { pinCatalog, templateImages, type PinOptions } from '../src/build/pin-catalog.ts';

/**
 * Pins a catalog template from the command line (src/build/pin-catalog.ts
 * does the work; run by node itself, type stripping):
 *   node scripts/pin-catalog.ts catalog/standard-images.yaml \
 *     builder-java=ghcr.io/acme/standard/builder-java@sha256:… … > catalog.yaml
 * `--list` prints the image names the template needs, one a line.
 */
function main(args: string[]): void {
  const [template, ...rest] = args;
  if (!template || template.startsWith('-')) {
    process.stderr.write(
      'usage: pin-catalog.ts TEMPLATE [--list] [--drop-missing] [NAME=REF ...]\n',
    );
    process.exit(2);
  }
  const text = readFileSync(template, 'utf8');
  if (rest.includes('--list')) {
    process.stdout.write(`${templateImages(text, template).join('\n')}\n`);
    return;
  }
  const refs: Record<string, string> = {};
  for (const arg of rest.filter((a) => a !== '--drop-missing')) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new Error(`"${arg}" is not NAME=REFERENCE`);
    refs[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  process.stdout.write(
    pinCatalog(text, refs, template, { dropMissing: rest.includes('--drop-missing') }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`pin-catalog: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
