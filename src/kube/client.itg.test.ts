import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../test/env/environment.js';
import { KubeClient } from './client.js';
import { loadKubeconfig } from './config.js';

/**
 * Kubeconfig features against the real API server of test/env: an exec
 * credential plugin that answers with a client certificate (what Teleport's
 * `tsh kube credentials` does), and a cluster reached only through its
 * `proxy-url` (a real CONNECT proxy) under a name its certificate does not
 * carry, with `tls-server-name` naming one it does.
 */

const env = loadEnvironment();
const admin = loadKubeconfig(env.kubeconfig);
const dir = mkdtempSync(join(tmpdir(), 'kube-itg-'));
const apiserver = new URL(admin.server);

function kubeconfig(name: string, cluster: Record<string, unknown>, user: unknown): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    dump({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'c',
      contexts: [{ name: 'c', context: { cluster: 'k', user: 'u' } }],
      clusters: [
        {
          name: 'k',
          cluster: { 'certificate-authority-data': admin.ca?.toString('base64'), ...cluster },
        },
      ],
      users: [{ name: 'u', user }],
    }),
  );
  return file;
}

// A forward proxy as a runner's network has them: CONNECT only, every tunnel
// to the API server's port on loopback, whatever host the client names.
const tunnels: string[] = [];
let proxy: Server;
let proxyUrl = '';
beforeAll(async () => {
  proxy = createServer((_, response) => response.writeHead(405).end());
  proxy.on('connect', (request, socket, head) => {
    tunnels.push(request.url ?? '');
    const upstream = connect(Number(apiserver.port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

describe('the API client with kubeconfig features users have', () => {
  it('authenticates with the client certificate an exec credential plugin answers', async () => {
    const plugin = join(dir, 'tsh-kube-credentials');
    const status = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: {
        clientCertificateData: admin.cert?.toString(),
        clientKeyData: admin.key?.toString(),
      },
    };
    writeFileSync(plugin, `#!/bin/sh\ncat <<'EOF'\n${JSON.stringify(status)}\nEOF\n`);
    chmodSync(plugin, 0o755);
    const client = new KubeClient(
      loadKubeconfig(
        kubeconfig(
          'exec-cert',
          { server: admin.server },
          { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin } },
        ),
      ),
      { attempts: 1 },
    );
    try {
      const namespaces = await client.resource('v1', 'Namespace');
      const list = await client.list(namespaces!, undefined);
      expect(list?.map((namespace) => namespace.metadata?.name)).toContain('kube-system');
    } finally {
      client.close();
    }
  });

  it('reaches the server through its proxy-url, checking the certificate against tls-server-name', async () => {
    tunnels.length = 0;
    const server = `https://kube.invalid:${apiserver.port}`;
    const user = {
      'client-certificate-data': admin.cert?.toString('base64'),
      'client-key-data': admin.key?.toString('base64'),
    };
    const client = new KubeClient(
      loadKubeconfig(
        kubeconfig(
          'proxied',
          { server, 'proxy-url': proxyUrl, 'tls-server-name': 'kubernetes' },
          user,
        ),
      ),
      { attempts: 1 },
    );
    try {
      expect(await client.version()).toMatch(/^v1\./);
      expect(tunnels).toEqual([`kube.invalid:${apiserver.port}`]);
    } finally {
      client.close();
    }

    // Without tls-server-name the certificate (issued for kubernetes, localhost, 127.0.0.1) does not match.
    const unnamed = new KubeClient(
      loadKubeconfig(kubeconfig('unnamed', { server, 'proxy-url': proxyUrl }, user)),
      { attempts: 1 },
    );
    try {
      await expect(unnamed.version()).rejects.toThrow(
        'presented a certificate that is not trusted',
      );
    } finally {
      unnamed.close();
    }
  });
});
