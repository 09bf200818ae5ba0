import { describe, expect, it } from 'vitest';
import { formatUserError, UserErrors } from '../errors.js';
import { parseFleet } from './fleet-file.js';

function problems(text: string): string[] {
  try {
    parseFleet(text, 'fleet.yaml');
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError);
    throw error;
  }
  throw new Error('expected the fleet file to be rejected');
}

describe('the fleet file (which applications a new catalog rebuilds)', () => {
  it('reads each app with its workflow (pipeline.yml unless told) and ref (the top one unless told)', () => {
    const apps = parseFleet(
      [
        'apiVersion: pipeline-actions/v1',
        'ref: main',
        'apps:',
        '  - repository: acme/storefront',
        '    image: ghcr.io/acme/shop/storefront',
        '  - repository: acme/monorepo',
        '    image: ghcr.io/acme/ledger/ledger',
        '    workflow: pipeline-ledger.yml',
        '    ref: release',
        '',
      ].join('\n'),
      'fleet.yaml',
    );
    expect(apps.map(({ where, ...app }) => ({ ...app, line: where.line }))).toEqual([
      {
        repository: 'acme/storefront',
        image: 'ghcr.io/acme/shop/storefront',
        workflow: 'pipeline.yml',
        ref: 'main',
        line: 4,
      },
      {
        repository: 'acme/monorepo',
        image: 'ghcr.io/acme/ledger/ledger',
        workflow: 'pipeline-ledger.yml',
        ref: 'release',
        line: 6,
      },
    ]);
  });

  it('a mistyped key: did you mean the key it is close to', () => {
    expect(
      problems(
        [
          'apiVersion: pipeline-actions/v1',
          'ref: main',
          'app:',
          '  - repository: acme/storefront',
          '    image: ghcr.io/acme/shop/storefront',
          '    worflow: pipeline.yml',
        ].join('\n'),
      ),
    ).toEqual(
      expect.arrayContaining([
        'fleet.yaml:3:1: "app" is not a key of a fleet file. Fix: did you mean "apps"?',
      ]),
    );
    expect(
      problems(
        [
          'apiVersion: pipeline-actions/v1',
          'ref: main',
          'apps:',
          '  - repository: acme/storefront',
          '    image: ghcr.io/acme/shop/storefront',
          '    worflow: pipeline.yml',
        ].join('\n'),
      ),
    ).toEqual(['fleet.yaml:6:5: "worflow" is not a key of an app. Fix: did you mean "workflow"?']);
  });

  it('reports every problem at once, each at file:line:column with a fix', () => {
    const found = problems(
      [
        'apiVersion: pipeline-actions/v2',
        'apps:',
        '  - repository: storefront',
        '    image: ghcr.io/acme/shop/storefront:1.0.0',
        '    branch: main',
        '  - repository: acme/ledger',
        '    image: ghcr.io/acme/ledger',
        '    workflow: .github/workflows/pipeline.yml',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^fleet\.yaml:1:1: apiVersion is "pipeline-actions\/v2"\..*write `apiVersion: pipeline-actions\/v1`/,
      ),
      expect.stringMatching(
        /^fleet\.yaml:3:5: apps\[0\]\.repository must be owner\/name on GitHub, not "storefront"/,
      ),
      expect.stringMatching(/^fleet\.yaml:3:5: apps\[0\] names no ref .*add `ref: main`/),
      expect.stringMatching(
        /^fleet\.yaml:4:5: apps\[0\]\.image "ghcr\.io\/acme\/shop\/storefront:1\.0\.0" names a tag or digest/,
      ),
      expect.stringMatching(
        /^fleet\.yaml:5:5: "branch" is not a key of an app\..*use only: repository, image, workflow, ref/,
      ),
      expect.stringMatching(/^fleet\.yaml:6:5: apps\[1\] names no ref/),
      expect.stringMatching(
        /^fleet\.yaml:8:5: apps\[1\]\.workflow must be the file name of a workflow/,
      ),
    ]);
  });

  it('refuses the same pipeline twice, pointing at the second', () => {
    const found = problems(
      [
        'apiVersion: pipeline-actions/v1',
        'ref: main',
        'apps:',
        '  - { repository: acme/shop, image: ghcr.io/acme/a }',
        '  - { repository: Acme/Shop, image: ghcr.io/acme/b }',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^fleet\.yaml:5:5: Acme\/Shop pipeline\.yml is listed twice \(first at line 4\)/,
      ),
    ]);
  });

  it('a file that is no mapping is one message at line 1', () => {
    expect(() => parseFleet('- acme/shop\n', 'fleet.yaml')).toThrow(/fleet\.yaml is not a mapping/);
  });
});
