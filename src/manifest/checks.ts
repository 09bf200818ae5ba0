import { DEFAULT_ENVIRONMENTS, DNS_1123_LABEL, MAX_NAMESPACE_LENGTH } from './constants.js';
import { matchesDefinition } from './published-schema.js';
import { isPlainObject } from './json-path.js';
import type { ManifestProblem } from './problem.js';

/**
 * Rules the schema can't express because they relate two fields. They read
 * the raw, possibly invalid manifest and check only what is well-typed, so
 * they run in the same pass as the schema and their problems join its list.
 */
export function crossFieldProblems(manifest: unknown): ManifestProblem[] {
  if (!isPlainObject(manifest)) return [];
  return [
    ...buildCommandProblems(manifest),
    ...serviceProblems(manifest),
    ...environmentProblems(manifest),
  ];
}

function buildCommandProblems(manifest: Record<string, unknown>): ManifestProblem[] {
  const steps = isPlainObject(manifest.build) ? manifest.build.build_steps : undefined;
  if (typeof manifest.build_command !== 'string' || !Array.isArray(steps) || steps.length === 0)
    return [];
  return [
    {
      path: ['build_command'],
      at: 'key',
      message: 'build_command is given as well as build.build_steps, so it would never run.',
      fix: 'move the command into the steps as { "shell": "…" }, or remove one of the two.',
    },
  ];
}

function serviceProblems(manifest: Record<string, unknown>): ManifestProblem[] {
  if (!Array.isArray(manifest.services)) return [];
  const problems: ManifestProblem[] = [];
  const firstIndexByName = new Map<string, number>();
  const namespace = validNamespace(manifest);

  manifest.services.forEach((service: unknown, index) => {
    if (!isPlainObject(service)) return;

    if (typeof service.name === 'string') {
      const first = firstIndexByName.get(service.name);
      if (first === undefined) firstIndexByName.set(service.name, index);
      else {
        problems.push({
          path: ['services', index, 'name'],
          message: `${JSON.stringify(service.name)} is already the name of $.services[${first}].`,
          fix: 'give every service its own name.',
        });
      }
    }

    const instances = service.instances;
    if (
      isPlainObject(instances) &&
      Number.isInteger(instances.min) &&
      Number.isInteger(instances.max)
    ) {
      const [min, max] = [instances.min as number, instances.max as number];
      if (min > max) {
        problems.push({
          path: ['services', index, 'instances', 'min'],
          message: `min (${min}) is greater than max (${max}).`,
          fix: `lower min to ${max} or less, or raise max to ${min} or more.`,
        });
      }
    }

    const application = service.application;
    if (namespace && typeof application === 'string' && application.includes('/')) {
      const [serviceNamespace, app] = application.split('/');
      if (serviceNamespace !== namespace) {
        problems.push({
          path: ['services', index, 'application'],
          message: `${JSON.stringify(application)} is in namespace "${serviceNamespace}", but this manifest's namespace is "${namespace}".`,
          fix: `write ${JSON.stringify(`${namespace}/${app}`)}: a service can only route to applications of its own team.`,
        });
      }
    }
  });
  return problems;
}

function environmentProblems(manifest: Record<string, unknown>): ManifestProblem[] {
  const namespace = validNamespace(manifest);
  if (namespace === undefined) return [];
  const configured = isPlainObject(manifest.environments) ? manifest.environments : {};
  const problems: ManifestProblem[] = [];
  const claimedBy = new Map<string, { name: string; isOverride: boolean }>();
  const names = [...new Set([...DEFAULT_ENVIRONMENTS, ...Object.keys(configured)])];

  for (const name of names) {
    const settings = configured[name];
    const override = isPlainObject(settings) ? settings.namespace : undefined;
    if (override !== undefined && typeof override !== 'string') continue;
    const derived = `${namespace}-${name}`;
    const target = override ?? derived;

    if (
      override === undefined &&
      derived.length > MAX_NAMESPACE_LENGTH &&
      DNS_1123_LABEL.test(name)
    ) {
      problems.push({
        path: ['environments', name],
        at: 'key',
        message: `the namespace derived for "${name}", "${derived}", is ${derived.length} characters long; Kubernetes allows ${MAX_NAMESPACE_LENGTH}.`,
        fix: `set a shorter one: "${name}": { "namespace": "…" }, or shorten the environment name.`,
      });
    }

    const other = claimedBy.get(target);
    if (!other) {
      claimedBy.set(target, { name, isOverride: override !== undefined });
      continue;
    }
    // Point at the override that causes the clash, not at an environment the file never mentions.
    const culprit = override !== undefined || !other.isOverride ? name : other.name;
    problems.push({
      path: ['environments', culprit, 'namespace'],
      message: `environments "${other.name}" and "${name}" would both deploy to namespace "${target}".`,
      fix: 'give each environment its own namespace, or one deploy would overwrite the other.',
    });
  }
  return problems;
}

/** The namespace, when the schema accepts it: a rejected one is reported once, not once per use. */
function validNamespace(manifest: Record<string, unknown>): string | undefined {
  const namespace = manifest.namespace;
  return typeof namespace === 'string' && matchesDefinition('namespace', namespace)
    ? namespace
    : undefined;
}
