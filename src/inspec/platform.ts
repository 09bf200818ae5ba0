import { readFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { UserError } from '../errors.js';

/** The omnitruck platform triple: p (platform), pv (its version), m (machine). */
export interface Platform {
  p: string;
  pv: string;
  m: string;
}

const MACHINES: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' };

/** os-release IDs to omnitruck platform names (docs.chef.io, api_omnitruck). */
const PLATFORMS: Record<string, { p: string; majorOnly: boolean }> = {
  ubuntu: { p: 'ubuntu', majorOnly: false },
  debian: { p: 'debian', majorOnly: true },
  rhel: { p: 'el', majorOnly: true },
  centos: { p: 'el', majorOnly: true },
  rocky: { p: 'el', majorOnly: true },
  almalinux: { p: 'el', majorOnly: true },
  ol: { p: 'el', majorOnly: true },
  amzn: { p: 'amazon', majorOnly: true },
  sles: { p: 'sles', majorOnly: true },
};

export async function detectPlatform(): Promise<Platform> {
  if (platform() !== 'linux') throw unsupported(`${platform()} runners`);
  const text = await readFile('/etc/os-release', 'utf8').catch(() => '');
  return platformFromOsRelease(text, arch());
}

export function platformFromOsRelease(osRelease: string, nodeArch: string): Platform {
  const fields = new Map<string, string>();
  for (const line of osRelease.split('\n')) {
    const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (match?.[1]) fields.set(match[1], match[3] ?? '');
  }
  const ids = [fields.get('ID'), ...(fields.get('ID_LIKE') ?? '').split(' ')].filter(Boolean);
  const known = ids.map((id) => PLATFORMS[id ?? '']).find(Boolean);
  const version = fields.get('VERSION_ID');
  const m = MACHINES[nodeArch];
  if (!known || !version)
    throw unsupported(`this Linux (${fields.get('PRETTY_NAME') ?? 'unknown'})`);
  if (!m) throw unsupported(`the ${nodeArch} architecture`);
  return { p: known.p, pv: known.majorOnly ? (version.split('.')[0] ?? version) : version, m };
}

function unsupported(what: string): UserError {
  return new UserError(`Installing the tool automatically is not supported on ${what}.`, {
    fix: 'install CINC Auditor or Chef InSpec in an earlier step, or give its path in `executable`.',
  });
}
