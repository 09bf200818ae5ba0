import { describe, expect, it } from 'vitest';
import {
  caught,
  fixturePath,
  UserError,
  UserErrors,
} from '../../test/fixtures/manifest/helpers.js';
import { loadManifest, parseManifest } from './index.js';

describe('reporting every problem in one pass', () => {
  it('lists schema, path and cross-field problems together, in file order, each with its fix', async () => {
    const error = await caught(() =>
      loadManifest(fixturePath('many-problems.json'), { displayPath: 'default.json' }),
    );

    expect(error).toBeInstanceOf(UserErrors);
    const { errors, message } = error as UserErrors;
    expect(errors.every((e) => e instanceof UserError && e.fix !== undefined)).toBe(true);
    expect(
      errors.map((e) => [e.location?.line, e.location?.column, e.message.split(':')[0]]),
    ).toEqual([
      [3, 16, '$.namespace'],
      [6, 13, '$.application.type'],
      [7, 16, '$.application.version'],
      [11, 31, '$.build.system_setup.buildfacts.java'],
      [13, 5, '$.build.build_step'],
      [15, 17, '$.artifacts[0]'],
      [19, 23, '$.services[0].external_url'],
      [20, 29, '$.services[0].instances.min'],
      [23, 15, '$.services[1].name'],
    ]);
    expect(message).toBe(
      [
        'The manifest is not valid (9 problems):',
        '  - default.json:3:16: $.namespace: "Payments_Team" is not a valid namespace: it has uppercase letters and "_". Fix: use only lowercase letters, digits and "-", such as "payments-team".',
        '  - default.json:6:13: $.application.type: "http-api" is not a known application type. Fix: did you mean "http_api"? The allowed values are "http_html", "http_api", "worker", "static_html", "cronjob".',
        '  - default.json:7:16: $.application.version: "3.2" is not an exact version or an X-range. Fix: use an exact semver such as "3.2.0" or a range such as "3.2.x".',
        '  - default.json:11:31: $.build.system_setup.buildfacts.java: expected a string, got the number 17. Fix: put it in double quotes: "17".',
        '  - default.json:13:5: $.build.build_step: unknown property "build_step". Fix: did you mean "build_steps"? The properties allowed here are system_setup, build_steps.',
        '  - default.json:15:17: $.artifacts[0]: "../shared/lib.jar" goes through "..", which can lead outside the repository. Fix: give the path from the repository root without ".." segments.',
        '  - default.json:19:23: $.services[0].external_url: "http://checkout.example.com" is not a hostname or an https URL: it has the scheme http:// (only https is served). Fix: write "https://checkout.example.com" or just "checkout.example.com".',
        '  - default.json:20:29: $.services[0].instances.min: min (4) is greater than max (2). Fix: lower min to 2 or less, or raise max to 4 or more.',
        '  - default.json:23:15: $.services[1].name: "checkout" is already the name of $.services[0]. Fix: give every service its own name.',
      ].join('\n'),
    );
  });

  it('does not check a value against others once the schema has rejected it', async () => {
    // "Other/App" breaks the format; saying its namespace differs too would be noise.
    const text = JSON.stringify({
      namespace: 'payments',
      application: { name: 'app', type: 'worker', version: '1.0.0' },
      services: [{ name: 'svc', application: 'Other/App' }],
    });

    const error = (await caught(() => parseManifest(text, 'default.json'))) as UserErrors;

    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]?.message).toBe(
      '$.services[0].application: "Other/App" is not <namespace>/<application>.',
    );
  });

  it('lists at most 50 problems and says how many there are', async () => {
    const services = Array.from({ length: 60 }, (_, i) => ({ name: `Service${i}` }));
    const text = JSON.stringify({
      namespace: 'a',
      application: { name: 'b', type: 'worker', version: '1.0.0' },
      services,
    });

    const error = (await caught(() => parseManifest(text, 'default.json'))) as UserErrors;

    expect(error.errors).toHaveLength(50);
    expect(error.message.split('\n')[0]).toBe(
      'The manifest is not valid (60 problems; the first 50 are listed):',
    );
  });
});
