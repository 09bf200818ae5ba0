import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  helms,
  history,
  publishExampleChart,
  pushAppImage,
  runDeploy,
  scratch,
  testNamespace,
  uniquePath,
  writeFile,
  type AppImage,
  type PublishedChart,
} from '../../../test/fixtures/deploy/harness.js';

/**
 * An upstream chart (here: a chart published to an OCI registry, as any
 * vendor's is) deployed with `release` and `namespace` needs no default.json;
 * a placeholder that only default.json could fill says so.
 */

let image: AppImage;
let chart: PublishedChart;
let namespace = '';
let remove = async () => {};
beforeAll(async () => {
  image = await pushAppImage(`${uniquePath('deploy-upstream')}/vendor/web`, '2.0.0');
  chart = await publishExampleChart(helms()[0]!);
  ({ name: namespace, remove } = await testNamespace('deploy-upstream'));
});
afterAll(() => remove());

/** A workspace with no default.json: only the values the team keeps for the chart. */
function workspace(values: string): string {
  const dir = mkdtempSync(join(scratch('upstream'), 'ws-'));
  writeFile(dir, 'values/vendor.yaml', values);
  return dir;
}

const inputs = (extra: Record<string, string> = {}) => ({
  chart: chart.ref,
  'chart-version': chart.version,
  release: 'vendor-web',
  namespace,
  values: 'values/vendor.yaml',
  ...extra,
});

describe('an upstream chart without default.json', () => {
  it('deploys with release and namespace given', async () => {
    const run = await runDeploy(
      helms()[0]!,
      workspace(
        `image: '${image.name}:${image.tag}'\ninstances: { min: 1, max: 1 }\ningress: { host: 'vendor.example.com' }\n`,
      ),
      inputs(),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('No default.json: deploying release vendor-web');
    expect(run.outputs).toMatchObject({ release: 'vendor-web', namespace, status: 'deployed' });
    expect(run.outputs.images).toContain(`@${image.digest}`);
    expect((await history(helms()[0]!, 'vendor-web', namespace)).at(-1)).toMatchObject({
      revision: 1,
      status: 'deployed',
    });
  });

  it('a placeholder only default.json fills says that it comes from default.json, and there is none', async () => {
    const run = await runDeploy(
      helms()[0]!,
      workspace(
        `image: '${image.name}:${image.tag}'\ninstances: { min: '%%INSTANCES_MIN%%', max: 1 }\n`,
      ),
      inputs({ release: 'vendor-web-2' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout.replace(/%0A/g, '\n').replace(/%25/g, '%')).toMatch(
      /%%INSTANCES_MIN%% comes from default\.json, and there is none at default\.json/,
    );
  });

  it('without release and namespace, a missing default.json is still the error it was', async () => {
    const run = await runDeploy(helms()[0]!, workspace(`image: '${image.name}:${image.tag}'\n`), {
      chart: chart.ref,
      'chart-version': chart.version,
      values: 'values/vendor.yaml',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/default\.json/);
    expect(run.stdout).not.toContain('No default.json: deploying');
  });
});
