// Counting Kubernetes API requests, whoever sends them (our client, helm,
// kubectl, the helm-diff plugin): a plain-HTTP listener on 127.0.0.1 that
// forwards every request to the real API server with the admin kubeconfig's
// client certificate, and counts it by verb and kind. A kubeconfig that
// points at it (no credentials of its own) is handed to the tool under test.
//
// HTTP/1.1 on the listener, so every request is one parsed request (test/env's
// fault proxy counts TCP connections, which says nothing about requests over
// keep-alive). Only for counting runs: timings are taken against the API
// server directly.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { loadKubeconfig } from '../../src/kube/config.ts';

const DISCOVERY = /^\/(version|openapi(\/.*)?|api(\/[^/]+)?|apis(\/[^/]+){0,2})\/?$/;

/** discovery (/api, /apis/apps/v1, /version, /openapi), list, get, watch, or the write verb. */
export function classify(method, url) {
  const [path = '', search = ''] = url.split('?');
  const query = new URLSearchParams(search);
  if (method !== 'GET') return `${method}${query.has('dryRun') ? ' (dry run)' : ''}`;
  if (DISCOVERY.test(path)) return 'discovery';
  if (['true', '1'].includes(query.get('watch') ?? '')) return 'watch';
  // After /api/v1 or /apis/<group>/<version>: [namespaces/<ns>/]<plural>[/<name>[/<sub>]].
  const parts = path.split('/').filter(Boolean);
  let rest = parts.slice(parts[0] === 'api' ? 2 : 3);
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  return rest.length <= 1 ? 'list' : 'get';
}

export async function apiCounter(env) {
  const upstream = loadKubeconfig(env.kubeconfig);
  const target = new URL(upstream.server);
  const agent = new Agent({
    keepAlive: true,
    ca: upstream.ca,
    cert: upstream.cert,
    key: upstream.key,
    rejectUnauthorized: !upstream.insecureSkipTlsVerify,
  });
  const counts = new Map();
  const server = createServer((req, res) => {
    const kind = classify(req.method ?? 'GET', req.url ?? '/');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const headers = { ...req.headers, host: target.host };
    delete headers.authorization;
    const forward = httpsRequest(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`api-counter: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${server.address().port}`;
  return {
    /** A kubeconfig for the counted API, written into `dir`. */
    kubeconfig(dir) {
      const path = join(dir, 'counted.kubeconfig');
      writeFileSync(
        path,
        [
          'apiVersion: v1',
          'kind: Config',
          `clusters: [{name: counted, cluster: {server: "http://${address}"}}]`,
          'users: [{name: counted, user: {}}]',
          'contexts: [{name: counted, context: {cluster: counted, user: counted}}]',
          'current-context: counted',
          '',
        ].join('\n'),
        { mode: 0o600 },
      );
      return path;
    },
    /** The counts since the last reset: { total, byKind: { list: n, … } }. */
    take() {
      const byKind = Object.fromEntries([...counts.entries()].sort());
      counts.clear();
      return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
    },
    close() {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** `list 700, discovery 12, PATCH (dry run) 600` */
export function describeCounts({ byKind }) {
  return Object.entries(byKind)
    .filter(([kind]) => kind !== 'total')
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}
