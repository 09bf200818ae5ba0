// The import graph of the TypeScript sources (src/ and actions/*/src): fails
// on any import cycle and on any import that runs against the layering below.
// Type-only imports count: a cycle through types is still two modules that
// cannot be read, moved or tested one without the other.
//
//   node scripts/check-imports.mjs      (npm run check:imports)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ROOT } from './actions.mjs';

/**
 * Layers: a module under `from` never imports one under `to`. The object
 * model (src/kube) and the tool wrappers (src/tools) sit below rendering;
 * the shared library never reaches into an action.
 */
export const LAYER_RULES = [
  { from: 'src/kube/', to: 'src/render/', why: 'the Kubernetes model sits below rendering' },
  { from: 'src/tools/', to: 'src/render/', why: 'tool wrappers sit below rendering' },
  { from: 'src/', to: 'actions/', why: 'the shared library never imports an action' },
];

/** Every .ts file under src/ and actions/<name>/src, as paths relative to root. */
export function sourceFiles(root = ROOT) {
  const dirs = [join(root, 'src')];
  const actions = join(root, 'actions');
  if (existsSync(actions)) {
    for (const entry of readdirSync(actions, { withFileTypes: true })) {
      const src = join(actions, entry.name, 'src');
      if (entry.isDirectory() && existsSync(src)) dirs.push(src);
    }
  }
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return files.map((file) => toPosix(relative(root, file))).sort();
}

/**
 * The graph: file → the files it imports (relative specifiers only; packages
 * and node: built-ins are leaves). `import`, `export … from`, `import type`
 * and `import()` all count.
 */
export function importGraph(root = ROOT, files = sourceFiles(root)) {
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveSpecifier(root, file, fileName);
      if (target === undefined) {
        throw new Error(`${file}: cannot resolve the import '${fileName}'`);
      }
      targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

// NodeNext resolution as this repository writes it: `./x.js` is `./x.ts`.
function resolveSpecifier(root, from, specifier) {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    base,
    `${base}.ts`,
    join(base, 'index.ts'),
  ];
  const found = candidates.find((path) => existsSync(path) && !isDirectory(path));
  return found === undefined ? undefined : toPosix(relative(root, found));
}

function isDirectory(path) {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The cycles of the graph: one per strongly connected component of more than
 * one file (or a file importing itself), each as the path that closes it.
 */
export function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];

  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      if (next === 0) {
        index.set(node, counter);
        low.set(node, counter);
        counter += 1;
        stack.push(node);
        onStack.add(node);
      }
      const edges = graph.get(node) ?? [];
      if (next < edges.length) {
        frame[1] = next + 1;
        const target = edges[next];
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = (graph.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components.map((component) => cycleThrough(graph, component)).sort();
}

// The shortest way back to the first file of a component, through the component.
function cycleThrough(graph, component) {
  const members = new Set(component);
  const first = component[0];
  const previous = new Map([[first, undefined]]);
  const queue = [first];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === first) {
        const path = [node];
        for (let at = previous.get(node); at !== undefined; at = previous.get(at)) path.push(at);
        return [...path.reverse(), first];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [first, first];
}

/**
 * Folder of a file as a unit of the library: `src/<folder>` for a file in a
 * folder, the file itself at the top of src/, `actions/<name>` for an action.
 */
export function unitOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'actions') return parts.slice(0, 2).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

/**
 * The graph between folders, each edge with the file imports that make it:
 * two folders that import each other are one concern in two homes even when
 * no two files do (src/tools/helm.ts → src/helm/lint.ts and
 * src/helm/dependencies.ts → src/tools/helm.ts was such a pair).
 */
export function folderGraph(graph) {
  const folders = new Map();
  const because = new Map();
  for (const [file, targets] of graph) {
    const from = unitOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const target of targets) {
      const to = unitOf(target);
      if (to === from) continue;
      folders.get(from).add(to);
      const key = `${from} → ${to}`;
      if (!because.has(key)) because.set(key, []);
      because.get(key).push(`${file} → ${target}`);
    }
  }
  const edges = new Map([...folders].map(([folder, targets]) => [folder, [...targets].sort()]));
  return { edges, because };
}

/** Cycles between folders (those only among top-level files are module cycles already). */
export function findFolderCycles(folders) {
  return findCycles(folders.edges).filter((cycle) => cycle.some((unit) => !unit.endsWith('.ts')));
}

/** Every import that breaks a layer rule, as `from → to (why)`. */
export function layerViolations(graph, rules = LAYER_RULES) {
  const found = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      for (const rule of rules) {
        if (file.startsWith(rule.from) && target.startsWith(rule.to)) {
          found.push({ file, target, why: rule.why });
        }
      }
    }
  }
  return found;
}

function toPosix(path) {
  return path.split(sep).join('/');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const graph = importGraph();
  const cycles = findCycles(graph);
  const folders = folderGraph(graph);
  const folderCycles = findFolderCycles(folders);
  const violations = layerViolations(graph);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' → ')}`);
  for (const cycle of folderCycles) {
    console.error(`import cycle between folders: ${cycle.join(' → ')}, because`);
    for (let step = 0; step + 1 < cycle.length; step += 1) {
      for (const edge of folders.because.get(`${cycle[step]} → ${cycle[step + 1]}`) ?? []) {
        console.error(`  ${edge}`);
      }
    }
  }
  for (const { file, target, why } of violations) {
    console.error(`${file} imports ${target}: ${why}`);
  }
  if (cycles.length + folderCycles.length + violations.length > 0) {
    console.error(
      'Move what both sides need into the lower module (see README, Architecture) so imports run one way.',
    );
    process.exit(1);
  }
  console.log(
    `${graph.size} modules in ${folders.edges.size} folders: no import cycle between modules or folders, every import runs down the layers.`,
  );
}
