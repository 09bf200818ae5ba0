import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findCycles,
  findFolderCycles,
  folderGraph,
  importGraph,
  layerViolations,
  // @ts-expect-error plain .mjs script without type declarations
} from '../../scripts/check-imports.mjs';

type Graph = Map<string, string[]>;
type Violation = { file: string; target: string; why: string };
const cycles = findCycles as (graph: Graph) => string[][];
const folders = folderGraph as (graph: Graph) => { edges: Graph };
const folderCycles = findFolderCycles as (folders: { edges: Graph }) => string[][];
const violations = layerViolations as (graph: Graph) => Violation[];
const graphOf = importGraph as (root?: string) => Graph;

describe('imports run one way (npm run check:imports)', () => {
  const graph = graphOf();

  it('no module under src/tools or src/kube imports from src/render', () => {
    const upward = violations(graph).filter(
      (v) => v.file.startsWith('src/tools/') || v.file.startsWith('src/kube/'),
    );
    expect(upward).toEqual([]);
    expect(violations(graph)).toEqual([]);
  });

  it('has no import cycle between modules or between folders', () => {
    expect(cycles(graph)).toEqual([]);
    expect(folderCycles(folders(graph))).toEqual([]);
  });

  describe('would catch', () => {
    const root = mkdtempSync(join(tmpdir(), 'imports-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/render/manifests.ts', 'export interface KubeObject { kind?: string }\n');
    write(
      'src/render/chart.ts',
      "import type { Helm } from '../tools/helm.js';\nexport type H = Helm;\n",
    );
    write(
      'src/tools/helm.ts',
      "import { lint } from '../helm/lint.js';\nexport class Helm { l = lint; }\n",
    );
    write(
      'src/tools/kubectl.ts',
      "import type { KubeObject } from '../render/manifests.js';\nexport type K = KubeObject;\n",
    );
    write('src/helm/lint.ts', 'export const lint = 1;\n');
    write(
      'src/helm/dependencies.ts',
      "import type { Helm } from '../tools/helm.js';\nexport type D = Helm;\n",
    );
    write('src/a.ts', "export { b } from './b.js';\nexport const a = 1;\n");
    write('src/b.ts', "import { a } from './a.js';\nexport const b = a;\n");
    write('actions/x/src/main.ts', "import { a } from '../../../src/a.js';\nexport const x = a;\n");
    const fixture = graphOf(root);

    it('a tool wrapper taking a type from src/render (a type-only import counts)', () => {
      expect(violations(fixture)).toEqual([
        expect.objectContaining({
          file: 'src/tools/kubectl.ts',
          target: 'src/render/manifests.ts',
        }),
      ]);
    });

    it('two modules importing each other, re-exports included', () => {
      expect(cycles(fixture)).toEqual([['src/a.ts', 'src/b.ts', 'src/a.ts']]);
    });

    it('two folders importing each other through different files', () => {
      expect(folderCycles(folders(fixture))).toEqual([['src/helm', 'src/tools', 'src/helm']]);
    });
  });
});
