import { getBoolean, getOptional, getRequired, getSecret } from '../../../src/inputs.js';
import { UserError } from '../../../src/errors.js';
import { isLoopbackHost } from '../../../src/http/proxy.js';

/** Keys match action.yml exactly. */
export interface Inputs {
  catalog: string;
  images: Record<string, string>;
  template: string | undefined;
  'previous-catalog': string | undefined;
  fleet: string | undefined;
  'catalog-url': string | undefined;
  'github-token': string | undefined;
  'webhook-url': string | undefined;
  'registry-username': string | undefined;
  'registry-password': string | undefined;
  'registry-ca': string | undefined;
  'dry-run': boolean;
}

export function getInputs(): Inputs {
  const inputs: Inputs = {
    catalog: getRequired('catalog'),
    images: parseImages(getOptional('images') ?? ''),
    template: getOptional('template'),
    'previous-catalog': getOptional('previous-catalog'),
    fleet: getOptional('fleet'),
    'catalog-url': getOptional('catalog-url'),
    'github-token': getSecret('github-token'),
    'webhook-url': getSecret('webhook-url'),
    'registry-username': getOptional('registry-username'),
    'registry-password': getSecret('registry-password'),
    'registry-ca': getOptional('registry-ca'),
    'dry-run': getBoolean('dry-run', false),
  };
  if (inputs.template && Object.keys(inputs.images).length === 0)
    throw new UserError('Input "template" is set but "images" is empty.', {
      fix: 'pass the pushed images as NAME=registry/repository@sha256:… lines in "images", or leave "template" out to read "catalog" as it is.',
    });
  if (inputs.fleet && !inputs['github-token'] && !inputs['dry-run'])
    throw new UserError('Input "fleet" is set but "github-token" is empty.', {
      fix: 'pass a token that may start workflows (actions: write) in the repositories of the fleet, e.g. a GitHub App installation token; or set dry-run: true.',
    });
  const url = inputs['catalog-url'];
  if (url !== undefined && !isHttpsUrl(url))
    throw new UserError(`Input "catalog-url" must be an https URL, not "${url}".`, {
      fix: 'give the https URL the applications read the new catalog from, or leave it empty.',
    });
  return inputs;
}

/** `NAME=REF` lines (blank lines and surrounding spaces ignored) as a map. */
export function parseImages(text: string): Record<string, string> {
  const images: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const eq = line.indexOf('=');
    if (eq <= 0 || eq === line.length - 1)
      throw new UserError(`Input "images", line ${index + 1}: "${line}" is not NAME=REFERENCE.`, {
        fix: 'write one NAME=registry/repository@sha256:<digest> a line, NAME being the image definition the template names.',
      });
    const name = line.slice(0, eq).trim();
    if (images[name] !== undefined)
      throw new UserError(`Input "images", line ${index + 1}: ${name} is given twice.`, {
        fix: 'give each image once.',
      });
    images[name] = line.slice(eq + 1).trim();
  });
  return images;
}

/** https, or plain http to this machine (tests). */
function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}
