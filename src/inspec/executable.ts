import { resolve } from 'node:path';
import * as core from '../core.js';
import { UserError } from '../errors.js';
import { installTool, type InstallRequest } from './install.js';
import { findOnPath, isExecutableFile } from '../tools/path.js';
import { detectPlatform } from './platform.js';
import { PRODUCT_LABEL, type Product } from './tool.js';

export interface ExecutableRequest {
  product: Product;
  version: string;
  /** The `executable` input: used as given, never replaced by another copy. */
  executable: string | undefined;
  install: boolean;
  downloadUrl: string;
  licenseKey: string | undefined;
  workspace: string;
}

export interface FoundExecutable {
  path: string;
  from: 'input' | 'PATH' | 'omnibus' | 'tool-cache' | 'download';
}

/**
 * The executable to run, in order: the `executable` input; the tool on
 * PATH; an omnibus install under /opt/<product>; the tool cache; a fresh
 * install. Without one and with `install: false`, one error says what to do.
 */
export async function findExecutable(request: ExecutableRequest): Promise<FoundExecutable> {
  const { product } = request;
  if (request.executable) {
    const path = resolve(request.workspace, request.executable);
    if (!isExecutableFile(path)) {
      throw new UserError(
        `The executable "${request.executable}" does not exist or cannot be run (${path}).`,
        {
          fix: 'give the path of the cinc-auditor or inspec executable, or drop `executable` to use the one on PATH.',
        },
      );
    }
    return { path, from: 'input' };
  }
  const onPath = whichSync(product);
  if (onPath) return { path: onPath, from: 'PATH' };
  const omnibus = `/opt/${product}/bin/${product}`;
  if (isExecutableFile(omnibus)) return { path: omnibus, from: 'omnibus' };
  if (!request.install) {
    throw new UserError(
      `${PRODUCT_LABEL[product]} is not installed on this runner and \`install\` is false.`,
      {
        fix: `install it in an earlier step, give its path in \`executable\`, or set \`install: true\` to install ${product} ${request.version}.`,
      },
    );
  }
  if (product === 'inspec' && !request.licenseKey) {
    throw new UserError('Chef InSpec is not installed, and downloading it needs a licence key.', {
      fix: 'set `license-key: ${{ secrets.CHEF_LICENSE_KEY }}`, or use `tool: cinc-auditor` (installed without a key).',
    });
  }
  const install: InstallRequest = {
    product,
    version: request.version,
    baseUrl: request.downloadUrl,
    platform: await detectPlatform(),
    ...(request.licenseKey ? { licenseKey: request.licenseKey } : {}),
  };
  const installed = await core.group(`Install ${PRODUCT_LABEL[product]} ${request.version}`, () =>
    installTool(install),
  );
  return { path: installed.executable, from: installed.from };
}

/** Kept under the name the inspec code and tests use. */
export const whichSync = findOnPath;
