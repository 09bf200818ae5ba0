import { describe, expect, it } from 'vitest';
import { fixturePath, problemsOf } from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, parseManifest } from './index.js';

const load = (name: string) => () =>
  loadManifest(fixturePath(name), { displayPath: 'default.json' });

/** A valid manifest with `extra` spliced in at the top level, starting on line 4. */
function manifestWith(extra: string): string {
  return `{\n  "namespace": "payments",\n  "application": { "name": "checkout-api", "type": "http_api", "version": "1.0.0" },\n${extra}\n}`;
}

const problemsIn = (text: string) => problemsOf(() => parseManifest(text, 'default.json'));

describe('schema violations', () => {
  it('says the version is neither exact nor an X-range, and what to write instead', async () => {
    expect(await problemsOf(load('bad-version.json'))).toEqual([
      'default.json:8:16: $.application.version: "3.2" is not an exact version or an X-range. Fix: use an exact semver such as "3.2.0" or a range such as "3.2.x".',
    ]);
  });

  it('says which type was expected and which was found, quoting numbers as they were written', async () => {
    expect(await problemsOf(load('wrong-types.json'))).toEqual([
      'default.json:7:16: $.application.version: expected a string, got the number 3.2. Fix: write a string in double quotes, and use an exact semver such as "3.2.0" or a range such as "3.2.x".',
      'default.json:11:31: $.build.system_setup.buildfacts.java: expected a string, got the number 17. Fix: put it in double quotes: "17".',
      'default.json:11:45: $.build.system_setup.buildfacts.python: expected a string, got the number 3.10. Fix: put it in double quotes: "3.10".',
      'default.json:13:67: $.build.build_steps[0].gradle.useWrapper: expected true or false, got the string "true". Fix: write true without quotes.',
      'default.json:15:16: $.artifacts: expected a string or a list, got the number 42. Fix: put it in double quotes: "42".',
      'default.json:16:3: $.services: expected a list, got an object. Fix: put the object in a list: [ { … } ].',
    ]);
  });

  it('points at unknown keys and suggests the closest known one, or where the key belongs', async () => {
    expect(await problemsOf(load('unknown-keys.json'))).toEqual([
      'default.json:6:13: $.application.type: "http-api" is not a known application type. Fix: did you mean "http_api"? The allowed values are "http_html", "http_api", "worker", "static_html", "cronjob".',
      'default.json:11:23: $.build.system_setup.buildfacts.node: unknown property "node". Fix: did you mean "nodejs"? The properties allowed here are java, nodejs, go, python, dotnet, ruby, rust, php, shell.',
      'default.json:13:5: $.build.build_step: unknown property "build_step". Fix: did you mean "build_steps"? The properties allowed here are system_setup, build_steps.',
      'default.json:14:5: $.build.build_command: unknown property "build_command". Fix: "build_command" belongs in $ (the top level), not in $.build: move it there.',
      'default.json:16:3: $.servces: unknown property "servces". Fix: did you mean "services"? The properties allowed here are $schema, namespace, application, build, build_command, artifacts, services, environments.',
    ]);
  });

  it('points a missing property at the object that lacks it, with an example to add', async () => {
    const text = '{\n  "namespace": "payments",\n  "application": { "name": "checkout-api" }\n}';

    expect(await problemsIn(text)).toEqual([
      'default.json:3:3: $.application: the required property "type" is missing. Fix: add it, such as "type": "http_api".',
      'default.json:3:3: $.application: the required property "version" is missing. Fix: add it, such as "version": "1.0.x".',
    ]);
  });

  it('rejects a top level that is not an object', async () => {
    expect(await problemsIn('[]')).toEqual([
      'default.json:1:1: $: the manifest must be an object, not a list. Fix: write one object, such as { "namespace": "my-team", "application": { "name": "my-app", "type": "http_api", "version": "1.0.x" } }.',
    ]);
  });

  it('explains build steps that are not exactly one known kind', async () => {
    const steps = [
      '{ "shell": "./prepare.sh", "gradle": { "tasks": "build" } }',
      '{}',
      '"make"',
      '{ "gradel": { "tasks": "build" } }',
      '{ "gradle": { "useWrapper": true } }',
      '{ "npm": {} }',
      '{ "npm": { "script": "build", "command": "ci" } }',
    ];
    const text = manifestWith(
      `  "build": {\n    "build_steps": [\n      ${steps.join(',\n      ')}\n    ]\n  }`,
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:6:7: $.build.build_steps[0]: a build step has exactly one kind, but this one has "shell" and "gradle". Fix: split it into one step per kind, in the order they should run.',
      'default.json:7:7: $.build.build_steps[1]: the build step is empty. Fix: give it one kind (shell, gradle, maven, npm, go, pip or make), such as { "shell": "./build.sh" }.',
      'default.json:8:7: $.build.build_steps[2]: expected an object, got the string "make". Fix: write it as a shell step: { "shell": "make" }.',
      'default.json:9:9: $.build.build_steps[3].gradel: unknown property "gradel". Fix: did you mean "gradle"? The properties allowed here are shell, gradle, maven, npm, go, pip, make.',
      'default.json:10:9: $.build.build_steps[4].gradle: the required property "tasks" is missing. Fix: add it, such as "tasks": "clean build".',
      'default.json:11:9: $.build.build_steps[5].npm: the npm step is empty. Fix: add "script" (npm run <script>) or "command" (npm <command>), such as "script": "build".',
      'default.json:12:9: $.build.build_steps[6].npm: the npm step has both "script" and "command". Fix: keep one of them; use two npm steps to run both.',
    ]);
  });

  it('explains toolchain lists: unknown names with a suggestion, and repeats', async () => {
    const text = manifestWith(
      '  "build": { "system_setup": { "buildfacts": ["java", "Node", "java"] } }',
    );

    expect(await problemsIn(text)).toEqual([
      'default.json:4:55: $.build.system_setup.buildfacts[1]: "Node" is not a known toolchain. Fix: did you mean "nodejs"? The allowed values are "java", "nodejs", "go", "python", "dotnet", "ruby", "rust", "php", "shell".',
      'default.json:4:63: $.build.system_setup.buildfacts[2]: "java" is listed twice (items 0 and 2). Fix: remove one of them.',
    ]);
  });

  it.each([
    ['v1.2.3', 'drop the "v": "1.2.3".'],
    ['^1.2.3', 'write the range as an X-range: "1.x.x".'],
    ['~1.4', 'write the range as an X-range: "1.4.x".'],
    ['3', 'use an exact semver such as "3.0.0" or a range such as "3.x.x".'],
    [
      '1.2.3.4',
      'use an exact semver such as "1.4.2" or a range such as "1.4.x", "1.x.x" or "1.x".',
    ],
    ['x.x.x', 'use an exact semver such as "1.4.2" or a range such as "1.4.x", "1.x.x" or "1.x".'],
    ['1.02.3', 'use an exact semver such as "1.4.2" or a range such as "1.4.x", "1.x.x" or "1.x".'],
  ])('suggests a fix for the version %s', async (version, fix) => {
    const text = JSON.stringify({
      namespace: 'a',
      application: { name: 'b', type: 'worker', version },
    });

    const [problem] = await problemsIn(text);

    expect(problem).toContain(
      `$.application.version: ${JSON.stringify(version)} is not an exact version or an X-range. Fix: ${fix}`,
    );
  });

  it.each([
    [
      'namespace',
      'Payments_Team',
      '"Payments_Team" is not a valid namespace: it has uppercase letters and "_". Fix: use only lowercase letters, digits and "-", such as "payments-team".',
    ],
    [
      'namespace',
      'a'.repeat(58),
      `"${'a'.repeat(58)}" is 58 characters long; a namespace has at most 57, so that "<namespace>-stage" fits Kubernetes' limit of 63. Fix: shorten it to 57 characters or fewer, such as "${'a'.repeat(57)}".`,
    ],
    [
      'namespace',
      '-payments',
      '"-payments" is not a valid namespace: it must start and end with a letter or digit. Fix: remove the leading or trailing "-", such as "payments".',
    ],
  ])('explains what is wrong with the %s %s', async (_field, namespace, expected) => {
    const text = JSON.stringify({
      namespace,
      application: { name: 'b', type: 'worker', version: '1.0.0' },
    });

    expect(await problemsIn(text)).toEqual([`default.json:1:14: $.namespace: ${expected}`]);
  });

  it('keeps application names within Helm’s 53 characters', async () => {
    const name = 'n'.repeat(54);
    const text = JSON.stringify({
      namespace: 'a',
      application: { name, type: 'worker', version: '1.0.0' },
    });

    const [problem] = await problemsIn(text);

    expect(problem).toContain(
      `is 54 characters long; an application name has at most 53, Helm's limit for release names.`,
    );
  });

  it.each([
    [
      'http://checkout.example.com',
      '"http://checkout.example.com" is not a hostname or an https URL: it has the scheme http:// (only https is served). Fix: write "https://checkout.example.com" or just "checkout.example.com".',
    ],
    [
      'https://Checkout.Example.com:8443/shop?x=1',
      '"https://Checkout.Example.com:8443/shop?x=1" is not a hostname or an https URL: it has uppercase letters in the host, a port (the ingress answers on the standard https port) and a query or fragment. Fix: write "https://checkout.example.com/shop" or just "checkout.example.com".',
    ],
    [
      'checkout example com',
      '"checkout example com" is not a hostname or an https URL. Fix: write a hostname such as "checkout.example.com" or a URL such as "https://example.com/checkout".',
    ],
  ])('explains the external_url %s', async (url, expected) => {
    const text = manifestWith(
      `  "services": [{ "name": "checkout", "external_url": ${JSON.stringify(url)} }]`,
    );

    expect(await problemsIn(text)).toEqual([
      `default.json:4:54: $.services[0].external_url: ${expected}`,
    ]);
  });

  it('explains a service application that is not <namespace>/<application>', async () => {
    const text = manifestWith('  "services": [{ "name": "1st", "application": "checkout-api" }]');

    expect(await problemsIn(text)).toEqual([
      'default.json:4:26: $.services[0].name: "1st" is not a valid service name: it must start with a letter. Fix: start it with a lowercase letter, such as "svc-1st".',
      'default.json:4:48: $.services[0].application: "checkout-api" is not <namespace>/<application>. Fix: write it as "payments/checkout-api".',
    ]);
  });

  it('points at an environment name that is not a DNS label', async () => {
    const text = manifestWith('  "environments": { "QA env": {}, "perf": { "namespce": "perf" } }');

    expect(await problemsIn(text)).toEqual([
      'default.json:4:21: $.environments["QA env"]: "QA env" is not a valid environment name: it has uppercase letters and " ". Fix: use only lowercase letters, digits and "-", such as "qa-env".',
      'default.json:4:45: $.environments.perf.namespce: unknown property "namespce". Fix: did you mean "namespace"? The properties allowed here are namespace.',
    ]);
  });

  it('reports a "__proto__" key as unknown instead of letting it change the object', async () => {
    const text = manifestWith('  "__proto__": { "namespace": "other" }');

    expect(await problemsIn(text)).toEqual([
      'default.json:4:3: $.__proto__: unknown property "__proto__". Fix: remove it or correct its name. The properties allowed here are $schema, namespace, application, build, build_command, artifacts, services, environments.',
    ]);
  });

  it('carries line, column and the end of the offending value on each error', async () => {
    const error = await loadManifest(fixturePath('bad-version.json'), {
      displayPath: 'default.json',
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      errors: [
        {
          message: '$.application.version: "3.2" is not an exact version or an X-range.',
          fix: 'use an exact semver such as "3.2.0" or a range such as "3.2.x".',
          location: { file: 'default.json', line: 8, column: 16, endLine: 8, endColumn: 21 },
        },
      ],
    });
  });
});
