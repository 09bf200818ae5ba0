// What the numbers were measured on: the machine, the tool versions, the commit.
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { run } from './measure.mjs';
import { NODE24, ROOT } from './paths.mjs';

async function firstLine(command, args, pick = (text) => text) {
  try {
    const result = await run(command, args, { timeoutMs: 20_000 });
    if (result.code !== 0) return `unavailable (exit ${result.code})`;
    return pick(result.stdout.trim()).split('\n')[0];
  } catch (error) {
    return `unavailable (${error.message})`;
  }
}

export async function describeMachine(env) {
  const cores = cpus();
  const debian = (() => {
    try {
      return `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}`;
    } catch {
      return 'unknown';
    }
  })();
  const status = await run('git', ['-C', ROOT, 'status', '--porcelain'], { timeoutMs: 20_000 });
  const commit = await firstLine('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
  const saf = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', '@mitre', 'saf', 'package.json'), 'utf8'),
  ).version;
  return {
    cpu: `${cores.length} × ${cores[0]?.model ?? 'unknown'}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    kernel: `Linux ${release()}`,
    os: debian,
    node: await firstLine(NODE24, ['--version']),
    helm3: await firstLine(env.helm3, ['version', '--short']),
    helm4: await firstLine(env.helm4, ['version', '--short']),
    kubectl: await firstLine(env.kubectl, ['version', '--client', '-o', 'json'], (text) =>
      String(JSON.parse(text).clientVersion?.gitVersion),
    ),
    kubernetes: `${env.k8sVersion} (${env.k8sMode}; nodes simulated by kwok)`,
    docker: await firstLine('docker', [
      'version',
      '--format',
      'client {{.Client.Version}}, engine {{.Server.Version}}',
    ]),
    buildx: await firstLine('docker', ['buildx', 'version']),
    skopeo: await firstLine('skopeo', ['--version']),
    saf: `@mitre/saf ${saf}`,
    commit: `${commit}${status.stdout.trim() ? ' with uncommitted changes' : ''}`,
  };
}

export const MACHINE_LABELS = {
  cpu: 'CPU',
  memory: 'Memory',
  kernel: 'Kernel',
  os: 'OS',
  node: 'Node (runs every bundle)',
  helm3: 'helm 3',
  helm4: 'helm 4',
  kubectl: 'kubectl',
  kubernetes: 'Kubernetes',
  docker: 'docker',
  buildx: 'buildx',
  skopeo: 'skopeo',
  saf: 'SAF CLI',
  commit: 'pipeline-actions commit',
};
