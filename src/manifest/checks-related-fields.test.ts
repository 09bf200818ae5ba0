import { describe, expect, it } from 'vitest';
import { fixturePath, problemsOf } from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, parseManifest } from './index.js';

/** A valid manifest (namespace "payments") with `extra` spliced in at the top level, starting on line 4. */
function manifestWith(extra: string): string {
  return `{\n  "namespace": "payments",\n  "application": { "name": "checkout-api", "type": "http_api", "version": "1.0.0" },\n${extra}\n}`;
}

const problemsIn = (text: string) => problemsOf(() => parseManifest(text, 'default.json'));

describe('rules that relate two fields', () => {
  it('rejects instances.min above instances.max', async () => {
    expect(
      await problemsOf(() =>
        loadManifest(fixturePath('min-greater-than-max.json'), { displayPath: 'default.json' }),
      ),
    ).toEqual([
      'default.json:8:29: $.services[0].instances.min: min (5) is greater than max (2). Fix: lower min to 2 or less, or raise max to 5 or more.',
    ]);
  });

  it('accepts min equal to max, and min alone (max follows it)', () => {
    const text = manifestWith(
      '  "services": [{ "name": "a", "instances": { "min": 3, "max": 3 } }, { "name": "b", "instances": { "min": 4 } }]',
    );

    expect(parseManifest(text, 'default.json').services.map((s) => s.instances)).toEqual([
      { min: 3, max: 3 },
      { min: 4, max: 4 },
    ]);
  });

  it('rejects two services with the same name, pointing at the second', async () => {
    const text = manifestWith(
      '  "services": [\n    { "name": "checkout" },\n    { "name": "checkout" }\n  ]',
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:6:15: $.services[1].name: "checkout" is already the name of $.services[0]. Fix: give every service its own name.',
    ]);
  });

  it("rejects a service that routes to another team's namespace", async () => {
    const text = manifestWith(
      '  "services": [{ "name": "checkout", "application": "billing/checkout-api" }]',
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:4:53: $.services[0].application: "billing/checkout-api" is in namespace "billing", but this manifest\'s namespace is "payments". Fix: write "payments/checkout-api": a service can only route to applications of its own team.',
    ]);
  });

  it('rejects build_command next to build steps, where it would never run', async () => {
    const text = manifestWith(
      '  "build": { "build_steps": [{ "shell": "make" }] },\n  "build_command": "make release"',
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:5:3: $.build_command: build_command is given as well as build.build_steps, so it would never run. Fix: move the command into the steps as { "shell": "…" }, or remove one of the two.',
    ]);
  });

  it('accepts build_command with an empty list of steps', () => {
    const text = manifestWith(
      '  "build": { "build_steps": [] },\n  "build_command": "make release"',
    );

    expect(parseManifest(text, 'default.json').build).toMatchObject({
      steps: [],
      command: 'make release',
    });
  });

  it('rejects two environments that would deploy to the same namespace, pointing at the override', async () => {
    const text = manifestWith(
      '  "environments": {\n    "dev": { "namespace": "payments-stage" }\n  }',
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:5:27: $.environments.dev.namespace: environments "dev" and "stage" would both deploy to namespace "payments-stage". Fix: give each environment its own namespace, or one deploy would overwrite the other.',
    ]);
  });

  it('rejects an added environment whose derived namespace is longer than Kubernetes allows', async () => {
    const environment = 'performance-testing-with-a-very-long-name-indeed-yes-ab'; // 55 characters
    const text = manifestWith(`  "environments": { "${environment}": {} }`);

    expect(await problemsIn(text)).toEqual([
      `default.json:4:21: $.environments["${environment}"]: the namespace derived for "${environment}", "payments-${environment}", is 64 characters long; Kubernetes allows 63. Fix: set a shorter one: "${environment}": { "namespace": "…" }, or shorten the environment name.`,
    ]);
  });

  it('rejects a key repeated in one object, which JSON would silently resolve to the last', async () => {
    expect(
      await problemsOf(() =>
        loadManifest(fixturePath('duplicate-key.json'), { displayPath: 'default.json' }),
      ),
    ).toEqual([
      'default.json:8:5: $.application.name: "name" appears twice in the same object (first at line 5, column 5); only the last value would count. Fix: keep one of them.',
    ]);
  });

  it('finds repeated keys inside lists too', async () => {
    const text = manifestWith(
      '  "services": [{ "name": "a", "instances": { "min": 1, "min": 2 } }]',
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:4:56: $.services[0].instances.min: "min" appears twice in the same object (first at line 4, column 46); only the last value would count. Fix: keep one of them.',
    ]);
  });
});
