import { readFile } from 'node:fs/promises';
import { byLocation, UserError, UserErrors, errorMessage, type SourceLocation } from '../errors.js';
import { show } from '../build/catalog-values.js';
import { formatName, parseReference } from '../oci/index.js';
import { yamlLocator } from '../yaml-locations.js';
import { unknownKeyFix } from '../manifest/suggest.js';
import { parseYaml } from '../yaml.js';

/**
 * The fleet: the applications a platform rebuilds when a standard image
 * changes, a YAML file in the platform repository. Which standard images an
 * application is built on is not written here: build-image records it in
 * every image's labels, and the fleet rebuild reads them from the app's
 * latest image. The file says only where each app lives and how to start
 * its pipeline:
 *
 *   apiVersion: pipeline-actions/v1
 *   ref: main                                # the branch the rebuilds run on, unless an app says otherwise
 *   apps:
 *     - repository: acme/storefront          # owner/name on GitHub
 *       image: ghcr.io/acme/storefront       # the app's image (build-image's `image` output)
 *       workflow: pipeline.yml               # optional: its pipeline starter (default pipeline.yml)
 *       ref: release                         # optional: this app's branch
 */

export interface FleetApp {
  readonly repository: string;
  /** `registry/repository` of the app's image. */
  readonly image: string;
  readonly workflow: string;
  /** The branch or tag its pipeline is started on. */
  readonly ref: string;
  /** Where the entry is, for messages. */
  readonly where: SourceLocation;
}

export const FLEET_API_VERSION = 'pipeline-actions/v1';
const MAX_FLEET_BYTES = 1024 * 1024;
const APP_KEYS = ['repository', 'image', 'workflow', 'ref'];
const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const WORKFLOW = /^[A-Za-z0-9._-]+\.ya?ml$/;
const REF = /^[^\s~^:?*[\\]{1,255}$/;

export async function readFleetFile(path: string): Promise<FleetApp[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError(
      missing
        ? `No fleet file at ${path}.`
        : `The fleet file ${path} cannot be read: ${errorMessage(error)}.`,
      {
        fix: 'set "fleet" to the path of the fleet file in the platform repository (see catalog/README.md, "Fleet rebuild").',
        cause: error,
      },
    );
  }
  return parseFleet(text, path);
}

/** Every app of a fleet file; all problems at once, each at file:line:column with a fix. */
export function parseFleet(text: string, source: string): FleetApp[] {
  const root = parseYaml(text, source, { maxBytes: MAX_FLEET_BYTES });
  const at = yamlLocator(text, source);
  const problems: UserError[] = [];
  const problem = (path: (string | number)[], message: string, fix: string) =>
    problems.push(new UserError(message, { fix, location: at(path) }));

  if (!isMapping(root)) {
    throw new UserError(`The fleet file ${source} is not a mapping.`, {
      fix: `start it with \`apiVersion: ${FLEET_API_VERSION}\` and an \`apps:\` list (see catalog/README.md).`,
      location: { file: source, line: 1, column: 1 },
    });
  }
  if (root.apiVersion !== FLEET_API_VERSION)
    problem(
      ['apiVersion'],
      `apiVersion is ${root.apiVersion === undefined ? 'missing' : JSON.stringify(root.apiVersion)}.`,
      `write \`apiVersion: ${FLEET_API_VERSION}\`.`,
    );
  for (const key of Object.keys(root)) {
    if (!['apiVersion', 'ref', 'apps'].includes(key))
      problem(
        [key],
        `"${key}" is not a key of a fleet file.`,
        unknownKeyFix(key, ['apiVersion', 'ref', 'apps']),
      );
  }
  const defaultRef = root.ref;
  if (defaultRef !== undefined && (typeof defaultRef !== 'string' || !REF.test(defaultRef)))
    problem(
      ['ref'],
      `ref must be a branch or tag name, not ${show(defaultRef)}.`,
      'write the branch the pipelines run on, e.g. `ref: main`.',
    );
  const apps: FleetApp[] = [];
  if (!Array.isArray(root.apps)) {
    problem(
      ['apps'],
      'apps must be a list of applications.',
      'write `apps:` and one `- repository: owner/name` item per application.',
    );
  } else {
    root.apps.forEach((item: unknown, index: number) => {
      const path = ['apps', index];
      if (!isMapping(item)) {
        problem(
          path,
          `apps[${index}] is not a mapping.`,
          'give each app `repository:` and `image:`.',
        );
        return;
      }
      for (const key of Object.keys(item)) {
        if (!APP_KEYS.includes(key))
          problem([...path, key], `"${key}" is not a key of an app.`, unknownKeyFix(key, APP_KEYS));
      }
      const repository = item.repository;
      if (typeof repository !== 'string' || !REPOSITORY.test(repository))
        problem(
          [...path, 'repository'],
          `apps[${index}].repository must be owner/name on GitHub, not ${show(repository)}.`,
          'write the repository as it appears in its URL, e.g. acme/storefront.',
        );
      let image: string | undefined;
      if (typeof item.image !== 'string') {
        problem(
          [...path, 'image'],
          `apps[${index}].image is ${show(item.image)}.`,
          "write the app's image repository, build-image's `image` output (registry/path/name).",
        );
      } else {
        try {
          const ref = parseReference(item.image);
          if (ref.tag || ref.digest)
            problem(
              [...path, 'image'],
              `apps[${index}].image "${item.image}" names a tag or digest.`,
              'write the repository only: the rebuild reads its newest version tag.',
            );
          else image = formatName(ref);
        } catch (error) {
          problem(
            [...path, 'image'],
            `apps[${index}].image: ${errorMessage(error)}`,
            'write registry/path/name, e.g. ghcr.io/acme/storefront.',
          );
        }
      }
      const workflow = item.workflow ?? 'pipeline.yml';
      if (typeof workflow !== 'string' || !WORKFLOW.test(workflow))
        problem(
          [...path, 'workflow'],
          `apps[${index}].workflow must be the file name of a workflow in .github/workflows, not ${show(workflow)}.`,
          "write the pipeline starter's file name, e.g. pipeline.yml.",
        );
      const ref = item.ref ?? defaultRef;
      if (ref === undefined)
        problem(
          path,
          `apps[${index}] names no ref to start its pipeline on.`,
          'add `ref: main` (the branch its pipeline runs on) at the top of the file or to the app.',
        );
      else if (typeof ref !== 'string' || !REF.test(ref))
        problem(
          [...path, 'ref'],
          `apps[${index}].ref must be a branch or tag name, not ${show(ref)}.`,
          'write the branch its pipeline runs on, e.g. main.',
        );
      if (
        typeof repository === 'string' &&
        image &&
        typeof workflow === 'string' &&
        typeof ref === 'string'
      )
        apps.push({ repository, image, workflow, ref, where: at(path) });
    });
  }
  const seen = new Map<string, number>();
  apps.forEach((app, index) => {
    const key = `${app.repository.toLowerCase()} ${app.workflow}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        new UserError(
          `${app.repository} ${app.workflow} is listed twice (first at line ${apps[first]?.where.line}).`,
          {
            fix: 'list each pipeline once; several apps of one repository each have their own workflow file.',
            location: app.where,
          },
        ),
      );
    else seen.set(key, index);
  });
  if (problems.length > 0) {
    problems.sort(byLocation);
    throw new UserErrors(
      `${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the fleet file ${source} (nothing was dispatched):`,
      problems,
    );
  }
  return apps;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
