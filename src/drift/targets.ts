import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError, UserErrors, type SourceLocation } from '../errors.js';
import { environmentNamespace } from '../manifest/environments.js';
import { unknownKeyFix } from '../manifest/suggest.js';
import type { AppManifest } from '../manifest/types.js';
import type { PlaceholderContext } from '../template/context.js';
import { renderYamlTemplate } from '../template/render.js';
import { yamlLocations } from '../yaml-locations.js';
import { parsePointer } from './paths.js';
import type { IgnoreRuleSpec } from './ignore.js';

/**
 * What to check: a list of targets (a release rendered exactly as
 * helm-deploy would deploy it) and ignore rules, from a file in the
 * repository (`.github/drift.yml`) or inline in the `targets` input:
 *
 *   targets:
 *     - release: storefront              # default: application.name of default.json
 *       namespace: shop-prod             # default: the environment's namespace in default.json
 *       environment: [stage, prod]       # which environments; default: every one
 *       chart: deploy/chart              # a directory, oci://…, or repo/name with repository-url
 *       version: 1.4.2
 *       values: [deploy/values.yaml, "deploy/values-%%ENVIRONMENT%%.yaml"]
 *       set: { replicaCount: 3 }
 *       kustomize: deploy/kustomize
 *       image: "registry.example.com/shop/storefront:%%APP_VERSION%%"
 *   ignore:
 *     - pointer: /spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt
 *       kind: Deployment
 *       reason: rollout restarts are how we recycle pods
 *
 * The text is a template: `%%NAME%%` placeholders are filled from the same
 * context as values files. Every problem is reported in one pass, each at
 * its file, line and column.
 */

export interface TargetSpec {
  release: string | undefined;
  namespace: string | undefined;
  environments: string[] | undefined;
  chart: string;
  version: string | undefined;
  repositoryUrl: string | undefined;
  values: string[];
  set: Record<string, unknown>;
  kustomize: string | undefined;
  image: string | undefined;
  buildVersion: string | undefined;
  allowMutableTags: boolean;
  /** `.github/drift.yml targets[0]`, for messages. */
  where: string;
}

export interface DriftConfig {
  source: string;
  /** False when there is no config at all (zero configuration: the records say what to check). */
  configured: boolean;
  targets: TargetSpec[];
  ignore: { id: string; spec: IgnoreRuleSpec }[];
}

/** A target with its release and namespace settled. */
export interface Target extends TargetSpec {
  release: string;
  namespace: string;
  /** default.json its values are templated with, when not the run's (a record names it). */
  manifestPath?: string | undefined;
  manifest?: AppManifest | undefined;
}

const MAX_CONFIG_BYTES = 256 * 1024;
const TOP_KEYS = ['targets', 'ignore'];
const TARGET_KEYS = [
  'release',
  'namespace',
  'environment',
  'chart',
  'version',
  'repository-url',
  'values',
  'set',
  'kustomize',
  'image',
  'build-version',
  'allow-mutable-tags',
];
const RULE_KEYS = ['pointer', 'kind', 'group', 'name', 'namespace', 'manager', 'reason'];

export interface ConfigSource {
  /** The `targets` input's text (YAML: a list of targets, or a map with targets and ignore). */
  inline: string | undefined;
  /** The `config` input: a file relative to the workspace. */
  file: string;
  /** Whether `file` was given explicitly (a missing default file is then no error of its own). */
  fileExplicit: boolean;
  /** The `ignore` input's text: more rules, added to the config's. */
  ignore: string | undefined;
  workspace: string;
  context: PlaceholderContext;
  /** A missing default file means zero configuration, not an error. */
  optional?: boolean;
}

export function loadDriftConfig(source: ConfigSource): DriftConfig {
  let config: DriftConfig;
  if (source.inline !== undefined) {
    config = parseDriftConfig(source.inline, 'input "targets"', source.context, true);
  } else {
    const path = isAbsolute(source.file) ? source.file : resolve(source.workspace, source.file);
    const shown = relative(source.workspace, path).startsWith('..')
      ? path
      : relative(source.workspace, path);
    if (
      (!existsSync(path) || !statSync(path).isFile()) &&
      source.optional &&
      !source.fileExplicit
    ) {
      config = { source: shown, configured: false, targets: [], ignore: [] };
    } else if (!existsSync(path) || !statSync(path).isFile()) {
      throw new UserError(
        `There is nothing to check: the input "targets" is empty and ${shown} does not exist.`,
        {
          fix: `list the releases to check in ${shown} (targets: - chart: …), or inline in the targets input${source.fileExplicit ? '' : ', or point the config input at your file'}.`,
        },
      );
    } else {
      config = parseDriftConfig(readFileSync(path, 'utf8'), shown, source.context, false);
    }
  }
  if (source.ignore !== undefined) {
    const extra = parseDriftConfig(
      `ignore:\n${indent(source.ignore)}`,
      'input "ignore"',
      source.context,
      false,
      true,
    );
    config.ignore.push(
      ...extra.ignore.map((rule) => ({ ...rule, id: rule.id.replace(/^ignore/, 'input ignore') })),
    );
  }
  return config;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Parses (and templates) a config; `listAllowed`: a bare list stands for `targets:`. */
export function parseDriftConfig(
  text: string,
  source: string,
  context: PlaceholderContext,
  listAllowed: boolean,
  ignoreOnly = false,
): DriftConfig {
  const rendered = renderYamlTemplate(text, source, context, { maxBytes: MAX_CONFIG_BYTES }).value;
  const locate = locator(text, source);
  const problems: UserError[] = [];
  const problem = (path: string, message: string, fix: string) =>
    problems.push(
      new UserError(`${path ? `${path}: ` : ''}${message}`, { fix, location: locate(path) }),
    );

  let root: Record<string, unknown>;
  if (Array.isArray(rendered) && listAllowed) root = { targets: rendered };
  else if (isMap(rendered)) root = rendered;
  else {
    throw new UserError(
      `${source} must be a mapping with "targets" (and optionally "ignore")${listAllowed ? ', or a list of targets' : ''}.`,
      {
        fix: 'write `targets:` followed by a list of `- chart: …` entries.',
        location: { file: source, line: 1 },
      },
    );
  }
  unknownKeys(root, TOP_KEYS, '', problem);

  const targets: TargetSpec[] = [];
  if (!ignoreOnly) {
    const list = root.targets;
    if (!Array.isArray(list) || list.length === 0) {
      problem(
        'targets',
        'there are no targets.',
        'list at least one release to check: `- chart: deploy/chart`.',
      );
    } else {
      for (const [index, item] of list.entries()) {
        const target = parseTarget(item, `targets[${index}]`, source, problem);
        if (target) targets.push(target);
      }
    }
  }

  const ignore: DriftConfig['ignore'] = [];
  if (root.ignore !== undefined && root.ignore !== null) {
    if (!Array.isArray(root.ignore)) {
      problem('ignore', 'must be a list of rules.', 'write `- pointer: /spec/replicas` entries.');
    } else {
      for (const [index, item] of root.ignore.entries()) {
        const rule = parseRule(item, `ignore[${index}]`, problem);
        if (rule) ignore.push({ id: `ignore[${index}]`, spec: rule });
      }
    }
  }
  if (problems.length === 1) throw problems[0] as UserError;
  if (problems.length > 1)
    throw new UserErrors(`${source} has ${problems.length} problems:`, problems);
  return { source, configured: true, targets, ignore };
}

type Problem = (path: string, message: string, fix: string) => void;

function parseTarget(
  item: unknown,
  path: string,
  source: string,
  problem: Problem,
): TargetSpec | undefined {
  if (!isMap(item)) {
    problem(
      path,
      'a target must be a mapping (chart, values, …).',
      'write it as `- chart: deploy/chart`.',
    );
    return undefined;
  }
  unknownKeys(item, TARGET_KEYS, path, problem);
  const text = (key: string): string | undefined => {
    const value = item[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    problem(
      `${path}.${key}`,
      `must be text, not ${describe(value)}.`,
      `write ${key}: followed by one value.`,
    );
    return undefined;
  };
  const list = (key: string): string[] | undefined => {
    const value = item[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
      return value as string[];
    problem(
      `${path}.${key}`,
      `must be a list of text, not ${describe(value)}.`,
      `write ${key}: [a, b].`,
    );
    return undefined;
  };
  const chart = text('chart');
  if (!chart)
    problem(
      `${path}.chart`,
      'the chart is missing.',
      'give the chart directory, an oci:// reference or repo/name.',
    );
  const set = item.set;
  if (set !== undefined && set !== null && !isMap(set)) {
    problem(
      `${path}.set`,
      // Never quoted: a string here is often `key=value` pairs, passwords among them.
      `must be a mapping of values, not ${describe(set, false)}.`,
      'write set: { image.tag: "1.2.3" }.',
    );
  }
  const allow = item['allow-mutable-tags'];
  if (allow !== undefined && typeof allow !== 'boolean') {
    problem(
      `${path}.allow-mutable-tags`,
      'must be true or false.',
      'write allow-mutable-tags: true.',
    );
  }
  const release = text('release');
  if (
    release !== undefined &&
    (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release) || release.length > 53)
  ) {
    problem(
      `${path}.release`,
      `"${release}" is not a release name.`,
      'helm takes lowercase letters, digits and "-", at most 53 characters.',
    );
  }
  return {
    release,
    namespace: text('namespace'),
    environments: list('environment'),
    chart: chart ?? '',
    version: text('version'),
    repositoryUrl: text('repository-url'),
    values: list('values') ?? [],
    set: isMap(set) ? set : {},
    kustomize: text('kustomize'),
    image: text('image'),
    buildVersion: text('build-version'),
    allowMutableTags: allow === true,
    where: `${source} ${path}`,
  };
}

function parseRule(item: unknown, path: string, problem: Problem): IgnoreRuleSpec | undefined {
  if (!isMap(item)) {
    problem(
      path,
      'a rule must be a mapping (pointer, kind, name, …).',
      'write it as `- pointer: /spec/replicas`.',
    );
    return undefined;
  }
  unknownKeys(item, RULE_KEYS, path, problem);
  const spec: IgnoreRuleSpec = { pointer: '' };
  for (const key of RULE_KEYS) {
    const value = item[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      problem(`${path}.${key}`, `must be text, not ${describe(value)}.`, `quote it: ${key}: "…".`);
      continue;
    }
    (spec as unknown as Record<string, string>)[key] = value;
  }
  if (item.pointer === undefined) {
    problem(
      `${path}.pointer`,
      'the JSON pointer is missing.',
      'give the field to ignore, e.g. pointer: /spec/replicas ("" for whole objects).',
    );
    return undefined;
  }
  try {
    parsePointer(spec.pointer);
  } catch (error) {
    problem(
      `${path}.pointer`,
      (error as Error).message,
      'write a JSON pointer such as /metadata/labels/team (~1 for a "/" in a key).',
    );
  }
  return spec;
}

function unknownKeys(
  map: Record<string, unknown>,
  known: readonly string[],
  path: string,
  problem: Problem,
): void {
  for (const key of Object.keys(map)) {
    if (known.includes(key)) continue;
    problem(path ? `${path}.${key}` : key, `unknown key "${key}".`, unknownKeyFix(key, known));
  }
}

/** The targets of `environment`, with release and namespace from default.json where the config leaves them out. */
export function selectTargets(
  config: DriftConfig,
  environment: string,
  manifest: AppManifest | undefined,
): Target[] {
  const chosen = config.targets.filter(
    (target) => !target.environments || target.environments.includes(environment),
  );
  if (chosen.length === 0) {
    throw new UserError(`${config.source} has no target for environment "${environment}".`, {
      fix: `add "${environment}" to a target's environment list, or leave a target's environment out to check it everywhere.`,
    });
  }
  return chosen.map((target) => {
    const release = target.release ?? manifest?.application.name;
    const namespace =
      target.namespace ?? (manifest ? environmentNamespace(manifest, environment) : undefined);
    if (!release || !namespace) {
      throw new UserError(
        `${target.where} has no ${release ? 'namespace' : 'release'}, and there is no default.json to take it from.`,
        {
          fix: 'give release and namespace in the target, or point the manifest input at default.json.',
        },
      );
    }
    return { ...target, release, namespace };
  });
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown, quote = true): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return quote ? `${typeof value} ${JSON.stringify(value)}` : `a ${typeof value}`;
}

/**
 * Where a path (`targets[1].chart`) stands in the text: the position of its
 * key (or item), else of the nearest enclosing one, else the file alone.
 */
function locator(text: string, file: string): (path: string) => SourceLocation {
  let locations = new Map<string, SourceLocation>();
  try {
    locations = yamlLocations(text, file);
  } catch {
    // The text parsed before (renderYamlTemplate); nothing to place.
  }
  return (path) => {
    const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    for (let length = segments.length; length > 0; length--) {
      const found = locations.get(segments.slice(0, length).join('.'));
      if (found) return found;
    }
    return { file };
  };
}
