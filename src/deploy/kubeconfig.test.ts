import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { masks } from '../../test/support/masks.js';
import { prepareKubeconfig } from './kubeconfig.js';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: prod
    cluster:
      server: https://k8s.example.com:6443
users:
  - name: deployer
    user:
      token: eyJhbGciOiJSUzI1NiJ9.deployer-token
contexts:
  - name: prod
    context: {cluster: prod, user: deployer}
current-context: prod
`;

describe('the kubeconfig input', () => {
  afterEach(() => vi.restoreAllMocks());

  it('as content: written 0600 into the private directory, its credentials masked, the server left readable', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), 'pa-kubeconfig-'));
    const source = prepareKubeconfig(KUBECONFIG, '/workspace', dir);
    expect(source).toEqual({ file: join(dir, 'kubeconfig'), written: true, text: KUBECONFIG });
    expect(statSync(source.file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(source.file!, 'utf8')).toBe(KUBECONFIG);
    const masks = out.mock.calls
      .map(([text]) => String(text))
      .filter((text) => text.startsWith('::add-mask::'));
    expect(masks).toContain('::add-mask::eyJhbGciOiJSUzI1NiJ9.deployer-token\n');
    expect(masks.some((mask) => mask === '::add-mask::https://k8s.example.com:6443\n')).toBe(false);
  });

  it('as a path: used where it is, relative to the workspace, its credentials masked too', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pa-kubeconfig-ws-'));
    writeFileSync(join(workspace, 'kubeconfig'), KUBECONFIG);
    const masked = masks(() => {
      expect(prepareKubeconfig('kubeconfig', workspace, tmpdir())).toEqual({
        file: join(workspace, 'kubeconfig'),
        written: false,
        // Read once: loadKubeconfig takes this text rather than reading the file again.
        text: KUBECONFIG,
      });
    });
    expect(masked).toContain('eyJhbGciOiJSUzI1NiJ9.deployer-token');
    expect(masked).not.toContain('https://k8s.example.com:6443');
  });

  it('a client key in the content is masked as given (base64) and as the PEM it decodes to', () => {
    const keyData = Buffer.from(
      '-----BEGIN PRIVATE KEY-----\ninput-key-sentinel-3d6a\n-----END PRIVATE KEY-----\n',
    ).toString('base64');
    const content = KUBECONFIG.replace(
      'token: eyJhbGciOiJSUzI1NiJ9.deployer-token',
      `client-key-data: ${keyData}`,
    );
    const masked = masks(() =>
      prepareKubeconfig(content, '/workspace', mkdtempSync(join(tmpdir(), 'pa-kubeconfig-'))),
    );
    expect(masked).toEqual(expect.arrayContaining([keyData, 'input-key-sentinel-3d6a']));
  });

  it('empty: the tools find their own', () => {
    expect(prepareKubeconfig(undefined, '/w', '/t')).toEqual({ file: undefined, written: false });
  });

  it('neither content nor a file, or content without clusters: a clear error', () => {
    expect(() => prepareKubeconfig('does/not/exist', '/w', '/t')).toThrow(
      'Input "kubeconfig" names does/not/exist, which is not a file on the runner.',
    );
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(() => prepareKubeconfig('apiVersion: v1\nkind: Config\n', '/w', tmpdir())).toThrow(
      'Input "kubeconfig" is not a kubeconfig: it has no clusters.',
    );
  });
});
