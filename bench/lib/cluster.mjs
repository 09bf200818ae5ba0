// The local cluster and registry, as the benchmarks use them: namespaces of
// their own (removed afterwards) and images copied within the local registries.
import { RegistryClient } from '../../src/oci/client.ts';
import { check, sleep } from './measure.mjs';

export function kubectl(env, args, options = {}) {
  return check(env.kubectl, ['--kubeconfig', env.kubeconfig, ...args], options);
}

/** Creates the namespaces (a no-op for those that exist); returns a function that deletes them. */
export async function namespaces(env, names) {
  for (const name of names) {
    const phase = async () => {
      const found = await kubectl(
        env,
        ['get', 'namespace', name, '-o', 'jsonpath={.status.phase}'],
        { allowed: [0, 1] },
      );
      return found.code === 0 ? found.stdout.trim() : 'absent';
    };
    // One deleted by an earlier run may still be terminating: wait until it is gone.
    for (let waited = 0; (await phase()) === 'Terminating'; waited += 1000) {
      if (waited > 180_000) throw new Error(`namespace ${name} is still terminating after 3 min`);
      await sleep(1000);
    }
    if ((await phase()) === 'absent') await kubectl(env, ['create', 'namespace', name]);
  }
  return () => kubectl(env, ['delete', 'namespace', ...names, '--wait=false']);
}

/**
 * `<registry>/<repository>:<tag>`, a copy of the standard runtime image made
 * by skopeo, on the open registry or (`tls`) on the TLS registry with its
 * login; skipped when the tag already exists.
 */
export async function copyImage(env, repository, tag, { tls = false } = {}) {
  const registry = tls ? env.registryTls : env.registry;
  const client = new RegistryClient(registry, {
    dockerConfig: false,
    ...(tls ? { credentials: tlsLogin(env), caFile: env.caFile } : {}),
  });
  try {
    if (!(await client.headManifest(repository, tag))) {
      await check('skopeo', [
        'copy',
        '--quiet',
        '--src-tls-verify=false',
        ...(tls ? ['--dest-creds', skopeoCreds(env)] : ['--dest-tls-verify=false']),
        `docker://${env.images['runtime-http']}`,
        `docker://${registry}/${repository}:${tag}`,
      ]);
    }
    const head = await client.headManifest(repository, tag);
    return { name: `${registry}/${repository}`, tag, digest: head.digest };
  } finally {
    client.close();
  }
}

export function tlsLogin(env) {
  return { username: env.registryTlsUser, password: env.registryTlsPassword };
}

/** `user:password` for skopeo's --creds (it trusts the CA through /etc/docker/certs.d, as test/env/up set it). */
export function skopeoCreds(env) {
  return `${env.registryTlsUser}:${env.registryTlsPassword}`;
}
