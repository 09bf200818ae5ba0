import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError, type SourceLocation } from '../errors.js';
import { parseYaml } from '../yaml.js';
import { readChartArchive } from './archive.js';

/**
 * A chart directory as helm-push, helm-deploy and drift-check read it before
 * any helm command runs: Chart.yaml (bounded YAML), its name, version and
 * declared dependencies, with problems reported at the file and line.
 */

export interface ChartDependency {
  name: string;
  version: string;
  /** As written: `oci://…`, `https://…`, `file://…`, `@name`, `alias:name` or empty. */
  repository: string;
  alias?: string;
}

export interface ChartDirectory {
  /** The directory as given (absolute). */
  dir: string;
  /** Path of Chart.yaml. */
  chartFile: string;
  apiVersion: string;
  name: string;
  version: string;
  appVersion: string | undefined;
  dependencies: ChartDependency[];
  /** The file the dependencies were declared in (Chart.yaml, or requirements.yaml for apiVersion v1). */
  dependenciesFile: string;
  /** 1-based line of a top-level key of Chart.yaml, for annotations. */
  lineOf(key: string): number | undefined;
}

const CHART_YAML_MAX_BYTES = 1024 * 1024;

export function readChartDirectory(dir: string): ChartDirectory {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`The chart directory ${dir} does not exist.`, {
      fix: `set \`chart:\` to the directory that holds Chart.yaml${suggestCharts(dir)}.`,
    });
  }
  const chartFile = join(dir, 'Chart.yaml');
  if (!existsSync(chartFile)) {
    throw new UserError('This directory has no Chart.yaml, so it is not a Helm chart.', {
      fix: `point \`chart:\` at the directory that holds Chart.yaml${suggestCharts(dir)}, or create one with \`helm create\`.`,
      location: { file: dir },
    });
  }
  const text = readFileSync(chartFile, 'utf8');
  const parsed = parseYaml(text, chartFile, { maxBytes: CHART_YAML_MAX_BYTES });
  const lineOf = (key: string) => topLevelLine(text, key);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError('Chart.yaml must be a YAML mapping (apiVersion, name, version, …).', {
      fix: 'see https://helm.sh/docs/topics/charts/#the-chartyaml-file for its fields.',
      location: { file: chartFile, line: 1 },
    });
  }
  const chart = parsed as Record<string, unknown>;
  const field = (key: string, required: boolean): string | undefined => {
    const value = chart[key];
    if (value === undefined || value === null || value === '') {
      if (!required) return undefined;
      throw new UserError(`Chart.yaml has no \`${key}\`.`, {
        fix: `add \`${key}: …\` to Chart.yaml.`,
        location: { file: chartFile, line: 1 },
      });
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number') {
      // YAML reads `version: 1.0` as a number; helm keeps the text as written.
      return scalarText(text, lineOf(key)) ?? String(value);
    }
    throw new UserError(`\`${key}\` in Chart.yaml must be a string.`, {
      fix: `write it as \`${key}: "…"\`.`,
      location: { file: chartFile, ...lineAt(lineOf(key)) },
    });
  };
  const apiVersion = field('apiVersion', true) ?? 'v2';
  const name = field('name', true) ?? '';
  const version = field('version', true) ?? '';
  const appVersion = field('appVersion', false);

  let dependencies: unknown = chart.dependencies;
  let dependenciesFile = chartFile;
  const requirements = join(dir, 'requirements.yaml');
  if (apiVersion === 'v1' && dependencies === undefined && existsSync(requirements)) {
    dependenciesFile = requirements;
    const declared = parseYaml(readFileSync(requirements, 'utf8'), requirements, {
      maxBytes: CHART_YAML_MAX_BYTES,
    });
    dependencies = (declared as { dependencies?: unknown } | null)?.dependencies;
  }
  return {
    dir,
    chartFile,
    apiVersion,
    name,
    version,
    appVersion,
    dependencies: readDependencies(dependencies, dependenciesFile, lineOf),
    dependenciesFile,
    lineOf,
  };
}

function readDependencies(
  value: unknown,
  file: string,
  lineOf: (key: string) => number | undefined,
): ChartDependency[] {
  if (value === undefined || value === null) return [];
  const location: SourceLocation = { file, ...lineAt(lineOf('dependencies')) };
  if (!Array.isArray(value)) {
    throw new UserError('`dependencies` must be a list.', {
      fix: 'write each dependency as `- name: …`, `version: …`, `repository: …`.',
      location,
    });
  }
  return value.map((entry: unknown, index) => {
    const dependency = (entry ?? {}) as Record<string, unknown>;
    const text = (key: string) =>
      typeof dependency[key] === 'string' || typeof dependency[key] === 'number'
        ? String(dependency[key])
        : '';
    const name = text('name');
    if (name === '') {
      throw new UserError(`Dependency #${index + 1} has no \`name\`.`, {
        fix: 'give every dependency a name, version and repository.',
        location,
      });
    }
    const result: ChartDependency = {
      name,
      version: text('version'),
      repository: text('repository'),
    };
    if (text('alias') !== '') result.alias = text('alias');
    return result;
  });
}

/** Line of a top-level `key:` in a YAML text. */
function topLevelLine(text: string, key: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const pattern = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}

/** The value of a `key: value` line as written. */
function scalarText(text: string, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  return /:\s*["']?([^"'\s#]+)/.exec(text.split(/\r?\n/)[line - 1] ?? '')?.[1];
}

function lineAt(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/**
 * The text of every template of a chart directory and of its subcharts
 * (directories, and packaged `.tgz` ones as helm dependency build leaves
 * them), keyed `subchart/…/templates/x.yaml`: what a caller scans for the
 * template functions a render depends on (`lookup`, `.Capabilities`).
 */
const TEMPLATE_PATH = /(^|\/)templates\//;
const SUBCHART_ARCHIVE = /(^|\/)charts\/[^/]+\.tgz$/;

export function chartTemplates(dir: string): Map<string, string> {
  const templates = new Map<string, string>();
  const addFiles = (files: ReadonlyMap<string, Buffer>, prefix: string) => {
    for (const [path, data] of files) {
      if (TEMPLATE_PATH.test(path)) templates.set(`${prefix}${path}`, data.toString('utf8'));
      else if (SUBCHART_ARCHIVE.test(path))
        addFiles(readChartArchive(data, `${prefix}${path}`).files, `${prefix}${path}/`);
    }
  };
  const walk = (path: string, inside: string, files: Map<string, Buffer>) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      const name = inside ? `${inside}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child, name, files);
      else if (entry.isFile() && (TEMPLATE_PATH.test(name) || SUBCHART_ARCHIVE.test(name)))
        files.set(name, readFileSync(child));
    }
  };
  const files = new Map<string, Buffer>();
  walk(dir, '', files);
  addFiles(files, '');
  return templates;
}

/** ` (found: charts/app)` when Chart.yaml files sit one or two levels below. */
function suggestCharts(dir: string): string {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const found: string[] = [];
  const visit = (path: string, depth: number) => {
    if (depth > 2 || found.length >= 3) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    if (depth > 0 && names.includes('Chart.yaml')) {
      found.push(relative(workspace, path) || '.');
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = join(path, name);
      try {
        if (statSync(child).isDirectory()) visit(child, depth + 1);
      } catch {
        // unreadable: skip
      }
    }
  };
  visit(existsSync(dir) ? dir : workspace, 0);
  return found.length > 0 ? ` (found: ${found.join(', ')})` : '';
}
