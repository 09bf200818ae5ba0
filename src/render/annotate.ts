import type { MappingNode } from 'js-yaml';
import { mappingChild, mappingSet, stringNode } from '../kube/manifests.js';

/**
 * Traceability: every deployed object says which commit, which workflow run
 * and which actor put it there. They go on the objects' own metadata only,
 * never on pod templates, so deploying the same content again does not
 * restart a single pod. Diffs and drift checks ignore them (they change with
 * every run by design).
 */
export const TRACE_ANNOTATION_PREFIX = 'pipeline-actions.dev/';

export const TRACE_ANNOTATIONS = {
  commit: `${TRACE_ANNOTATION_PREFIX}commit`,
  run: `${TRACE_ANNOTATION_PREFIX}run`,
  actor: `${TRACE_ANNOTATION_PREFIX}actor`,
  ref: `${TRACE_ANNOTATION_PREFIX}ref`,
} as const;

/** The annotations for this workflow run, from the runner's GITHUB_* variables. */
export function traceAnnotations(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (env.GITHUB_SHA) annotations[TRACE_ANNOTATIONS.commit] = env.GITHUB_SHA;
  const runUrl = workflowRunUrl(env);
  if (runUrl) annotations[TRACE_ANNOTATIONS.run] = runUrl;
  if (env.GITHUB_ACTOR) annotations[TRACE_ANNOTATIONS.actor] = env.GITHUB_ACTOR;
  if (env.GITHUB_REF) annotations[TRACE_ANNOTATIONS.ref] = env.GITHUB_REF;
  return annotations;
}

/** `https://github.com/acme/shop/actions/runs/123/attempts/2`, or undefined outside a runner. */
export function workflowRunUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  const attempt =
    GITHUB_RUN_ATTEMPT && GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${GITHUB_RUN_ATTEMPT}` : '';
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${attempt}`;
}

/** Sets the annotations on every object's metadata (replacing earlier values of the same keys). */
export function annotateObjects(
  objects: readonly MappingNode[],
  annotations: Record<string, string>,
): void {
  const entries = Object.entries(annotations);
  if (entries.length === 0) return;
  for (const object of objects) {
    const target = mappingChild(mappingChild(object, 'metadata'), 'annotations');
    for (const [key, value] of entries) mappingSet(target, key, stringNode(value));
  }
}

/** Whether an annotation is one of ours (ignored when comparing objects). */
export function isTraceAnnotation(key: string): boolean {
  return key.startsWith(TRACE_ANNOTATION_PREFIX);
}
