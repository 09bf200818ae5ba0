import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Exec } from '../../../src/exec.js';
import { HELM_CHART_PROVENANCE } from '../../../src/helm/oci.js';
import type { RegistryClient } from '../../../src/oci/index.js';
import {
  ChartMuseum,
  EXAMPLE_CHART,
  env,
  helmCli,
  helms,
  openClient,
  runHelmPush,
  scratch,
  uniquePath,
} from '../../../test/fixtures/helm/harness.js';
import { leaks } from '../../../test/support/sentinels.js';

/**
 * Provenance signing with a real GnuPG key: the .prov is published with the
 * chart and verifies with the public key; the key and its passphrase never
 * show in the log, and the private GNUPGHOME is gone afterwards.
 */

const PASSPHRASE = 'correct horse battery staple';
const USER_ID = 'Chart Signer <charts@example.test>';
let secretKey = '';
let publicKey = '';
let publicKeyring = '';
const clients: RegistryClient[] = [];

async function gpg(home: string, args: string[]) {
  return Exec.check('gpg', ['--homedir', home, '--batch', ...args], { silent: true });
}

beforeAll(async () => {
  const home = scratch('gnupg');
  await gpg(home, [
    '--pinentry-mode',
    'loopback',
    '--passphrase',
    PASSPHRASE,
    '--quick-gen-key',
    USER_ID,
    'rsa2048',
    'sign',
    'never',
  ]);
  secretKey = (
    await gpg(home, [
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      PASSPHRASE,
      '--armor',
      '--export-secret-keys',
      USER_ID,
    ])
  ).stdout;
  publicKey = (await gpg(home, ['--armor', '--export', USER_ID])).stdout;
  publicKeyring = join(home, 'public.gpg');
  await gpg(home, ['--output', publicKeyring, '--export', USER_ID]);
});
afterAll(() => clients.forEach((client) => client.close()));

describe.each(helms())('signing with $name', (helm) => {
  it('publishes a .prov that verifies with the public key, keeping the key secret', async () => {
    const path = uniquePath(`signed-h${helm.major}`);
    const runnerTemp = scratch('runner-temp');
    const run = await runHelmPush(
      helm,
      {
        chart: EXAMPLE_CHART,
        destination: `oci://${env().registry}/${path}`,
        'sign-key': secretKey,
        'sign-passphrase': PASSPHRASE,
      },
      { env: { RUNNER_TEMP: runnerTemp } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain(`signing with ${USER_ID}`);
    expect(run.summary).toContain('signed (.prov published)');

    const client = openClient();
    clients.push(client);
    const manifest = await client.getManifest(`${path}/storefront`, '0.1.0');
    const layers = (manifest.json.layers as { mediaType: string }[]).map(
      (layer) => layer.mediaType,
    );
    expect(layers).toContain(HELM_CHART_PROVENANCE);

    const into = scratch('pull');
    mkdirSync(into, { recursive: true });
    const pulled = await helmCli(helm, [
      'pull',
      `oci://${env().registry}/${path}/storefront`,
      '--version',
      '0.1.0',
      '--plain-http',
      '--destination',
      into,
      '--verify',
      '--keyring',
      publicKeyring,
    ]);
    expect(`${pulled.stdout}${pulled.stderr}`).toMatch(/Signed by: Chart Signer/);

    // The passphrase and every line of the key were masked before use, and never printed.
    expect(run.masked).toContain(PASSPHRASE);
    const keyLine = secretKey.split('\n').find((line) => line.length > 40) ?? '';
    expect(run.masked).toContain(keyLine);
    expect(leaks(run, PASSPHRASE)).toEqual([]);
    expect(leaks(run, keyLine)).toEqual([]);
    // The private GNUPGHOME and helm home under RUNNER_TEMP are gone.
    expect(readdirSync(runnerTemp).filter((name) => /^(gnupg|helm)-/.test(name))).toEqual([]);
  });

  it('publishes the .prov next to the chart in ChartMuseum, in the same request', async () => {
    const museum = await ChartMuseum.start('signer', 'museum-pass');
    try {
      const run = await runHelmPush(helm, {
        chart: EXAMPLE_CHART,
        destination: museum.url,
        'registry-username': 'signer',
        'registry-password': 'museum-pass',
        'sign-key': secretKey,
        'sign-passphrase': PASSPHRASE,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      const authorization = `Basic ${Buffer.from('signer:museum-pass').toString('base64')}`;
      const prov = await fetch(`${museum.url}/charts/storefront-0.1.0.tgz.prov`, {
        headers: { authorization },
      });
      expect(prov.status).toBe(200);
      expect(await prov.text()).toContain('-----BEGIN PGP SIGNATURE-----');
    } finally {
      museum.close();
    }
  });

  it('says so when the passphrase is wrong, and publishes nothing', async () => {
    const path = uniquePath(`badpass-h${helm.major}`);
    const run = await runHelmPush(helm, {
      chart: EXAMPLE_CHART,
      destination: `oci://${env().registry}/${path}`,
      'sign-key': secretKey,
      'sign-passphrase': 'not it',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message)).toEqual([
      'helm-push: helm could not sign the chart with the key in "sign-key".\n' +
        'How to fix: check that "sign-passphrase" is the passphrase of that key (leave it empty for a key without one).',
    ]);
    const client = openClient();
    clients.push(client);
    expect(await client.listTags(`${path}/storefront`)).toEqual([]);
  });

  it('says a public key cannot sign', async () => {
    const run = await runHelmPush(helm, {
      chart: EXAMPLE_CHART,
      destination: `oci://${env().registry}/${uniquePath('pubkey')}`,
      'sign-key': publicKey,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe(
      'helm-push: Input "sign-key" holds a public key; signing needs the private key.\n' +
        'How to fix: export it with gpg --armor --export-secret-keys <id> and store that in the secret.',
    );
  });
});
