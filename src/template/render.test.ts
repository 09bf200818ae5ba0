import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../errors.js';
import { KUBERNETES_YAML_SCHEMA } from '../yaml.js';
import { PlaceholderContext } from './context.js';
import { renderString, renderYamlTemplate } from './render.js';

function context() {
  return new PlaceholderContext()
    .set('APP_NAME', 'storefront', { source: 'default.json' })
    .set('INSTANCES_MIN', 2, { source: 'default.json' })
    .set('IMAGE', 'ghcr.io/acme/shop/storefront@sha256:' + 'a'.repeat(64), {
      source: 'build-image',
    })
    .set('DB_URL', 'postgres://u:p@db:5432/shop?sslmode=require # not a comment', { source: 'env' })
    .set('BANNER', 'line one\nkey: injected\n- item', { source: 'env' });
}

describe('placeholders are filled at the YAML node level', () => {
  it('fills whole values with their type and interpolates inside text', () => {
    const text = [
      'replicaCount: "%%INSTANCES_MIN%%"',
      'image: "%%IMAGE%%"',
      'ingress:',
      '  host: "%%APP_NAME%%.dev.example.com"',
      'list: ["%%APP_NAME%%", plain]',
      '',
    ].join('\n');
    expect(renderYamlTemplate(text, 'values.yaml', context()).value).toEqual({
      replicaCount: 2,
      image: 'ghcr.io/acme/shop/storefront@sha256:' + 'a'.repeat(64),
      ingress: { host: 'storefront.dev.example.com' },
      list: ['storefront', 'plain'],
    });
  });

  it('a value holding ":", "#" or newlines cannot change the structure', () => {
    const text = 'db:\n  url: "%%DB_URL%%"\nbanner: "%%BANNER%%"\nother: kept\n';
    const { value } = renderYamlTemplate(text, 'values.yaml', context());
    expect(value).toEqual({
      db: { url: 'postgres://u:p@db:5432/shop?sslmode=require # not a comment' },
      banner: 'line one\nkey: injected\n- item',
      other: 'kept',
    });
  });

  it('fills placeholders inside block scalars', () => {
    const text = 'script: |\n  echo %%APP_NAME%%\n  done\n';
    expect(renderYamlTemplate(text, 'values.yaml', context()).value).toEqual({
      script: 'echo storefront\ndone\n',
    });
  });

  it('lists every unresolved placeholder with file, line and column', () => {
    const text = [
      'app: "%%APP_NAME%%"', // 1
      'db:', // 2
      '  password: "%%DB_PASSWORD%%"', // 3
      '  host: "db.%%REGION%%.internal"', // 4
      'tags: ["%%TEAM%%"]', // 5
    ].join('\n');
    try {
      renderYamlTemplate(text, 'deploy/values-dev.yaml', context());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserErrors);
      const errors = (error as UserErrors).errors;
      expect(errors.map((e) => [e.message, e.location?.line, e.location?.column])).toEqual([
        ['%%DB_PASSWORD%% has no value.', 3, 14],
        ['%%REGION%% has no value.', 4, 13],
        ['%%TEAM%% has no value.', 5, 9],
      ]);
      expect((error as UserErrors).message).toMatch(
        /^3 placeholders have no value in deploy\/values-dev\.yaml:/,
      );
      expect(errors[0]?.fix).toContain("pass DB_PASSWORD in the step's env:");
    }
  });

  it('explains an unquoted placeholder instead of "bad indentation"', () => {
    try {
      renderYamlTemplate('a: 1\nreplicas: %%INSTANCES_MIN%%\n', 'values.yaml', context());
      expect.unreachable();
    } catch (error) {
      const userError = error as UserError;
      expect(userError.message).toBe(
        'a value that starts with %% must be quoted in YAML: %%INSTANCES_MIN%%',
      );
      expect(userError.location).toEqual({ file: 'values.yaml', line: 2, column: 11 });
      expect(userError.fix).toContain('"%%INSTANCES_MIN%%"');
    }
  });

  it('reads values as helm does when given the Kubernetes schema', () => {
    const text = 'mode: 0644\nreplicas: "%%INSTANCES_MIN%%"\n';
    expect(
      renderYamlTemplate(text, 'values.yaml', context(), { schema: KUBERNETES_YAML_SCHEMA }).value,
    ).toEqual({
      mode: 0o644,
      replicas: 2,
    });
  });

  it('still reports other YAML errors with their position', () => {
    expect(() => renderYamlTemplate('a: [1, 2\nb: 3\n', 'values.yaml', context())).toThrow(
      /not valid YAML/,
    );
  });
});

describe('context', () => {
  it("reads the workflow env, masks secret-like names, never the runner's own variables", () => {
    const ctx = new PlaceholderContext().addEnvironment({
      REGION: 'eu-west-1',
      DB_PASSWORD: 'hunter22',
      GITHUB_TOKEN: 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'secret',
      'not-a-name': 'x',
    });
    expect(ctx.names()).toEqual(['DB_PASSWORD', 'REGION']);
    expect(ctx.get('DB_PASSWORD')?.secret).toBe(true);
    expect(ctx.get('REGION')?.secret).toBe(false);
  });

  it('renders single strings for inline values', () => {
    expect(renderString('%%INSTANCES_MIN%%', context(), { file: 'input "set"' })).toBe(2);
    expect(renderString('x-%%APP_NAME%%', context(), { file: 'input "set"' })).toBe('x-storefront');
    expect(() => renderString('%%NOPE%%', context(), { file: 'input "set"' })).toThrow(
      '%%NOPE%% has no value.',
    );
  });
});

describe('without default.json', () => {
  it('a placeholder only default.json provides says it comes from there, and where it was looked for', async () => {
    const { buildPlaceholderContext } = await import('./standard-context.js');
    const context = buildPlaceholderContext({
      environment: 'dev',
      manifestPath: 'apps/web/default.json',
      env: { GREETING: 'hi' },
    });
    let caught: unknown;
    try {
      renderYamlTemplate(
        'replicas: "%%INSTANCES_MIN%%"\nname: "%%OTHER%%"\n',
        'values.yaml',
        context,
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserErrors);
    const [min, other] = (caught as UserErrors).errors;
    expect(min!.fix).toBe(
      "%%INSTANCES_MIN%% comes from default.json, and there is none at apps/web/default.json: add it (schema/README.md), or pass INSTANCES_MIN in the step's env:.",
    );
    expect(other!.fix).toMatch(/^pass OTHER in the step's env:, or fix the name/);
    expect(renderString('%%ENVIRONMENT%%', context, { file: 'x' })).toBe('dev');
  });
});

describe('build outputs a step takes as inputs', () => {
  it('%%IMAGE%% and %%VERSION%% without a value name the inputs that give them (helm-deploy: image, build-version)', async () => {
    const { buildPlaceholderContext } = await import('./standard-context.js');
    const context = buildPlaceholderContext({
      environment: 'dev',
      env: {},
      buildInputs: { image: 'image', version: 'build-version' },
    });
    let caught: unknown;
    try {
      renderYamlTemplate('image: "%%IMAGE%%"\nversion: "%%VERSION%%"\n', 'values.yaml', context);
    } catch (error) {
      caught = error;
    }
    const [image, version] = (caught as UserErrors).errors;
    expect(image!.fix).toBe(
      'set the "image" input of this step to the image to deploy (build-image\'s ref output, such as ${{ steps.build.outputs.ref }}), which fills %%IMAGE%%.',
    );
    expect(version!.fix).toBe(
      'set the "build-version" input of this step to the version built (build-image\'s version output, such as ${{ steps.build.outputs.version }}), which fills %%VERSION%%.',
    );
    expect(() => renderString('%%VERSION%%', context, { file: 'input "set"' })).toThrow(
      '%%VERSION%% has no value.',
    );
  });
});
