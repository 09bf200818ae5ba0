import {
  ensureNotPending,
  pendingGraceSeconds,
  type ReleaseReader,
} from '../../../src/deploy/release.js';
import { parseManifestObjects } from '../../../src/kube/manifests.js';
import type { KubeObject } from '../../../src/kube/objects.js';
import { isRecordObject } from '../../../src/record/record.js';
import type { Helm } from '../../../src/tools/helm.js';
import type { Inputs } from './inputs.js';

/** The release as it stands (refusing, or recovering, a pending one) and its deployed objects. */
export async function currentRelease(
  helm: Helm,
  releases: ReleaseReader,
  inputs: Inputs,
  release: string,
  namespace: string,
  recover: boolean,
) {
  const pending = await ensureNotPending(helm, releases, {
    release,
    namespace,
    recover,
    graceSeconds: pendingGraceSeconds(inputs.timeout, inputs['recover-pending-after']),
    timeoutSeconds: inputs.timeout,
  });
  const current = pending.state.current;
  const manifest = current
    ? await releases.manifest(release, namespace, current.revision)
    : undefined;
  // The deploy record is ours, not the chart's: no diff shows it.
  const previous = manifest
    ? withoutRecord(parseManifestObjects(manifest, 'the current release'))
    : [];
  return { pending, previous };
}

export function withoutRecord(objects: KubeObject[]): KubeObject[] {
  return objects.filter((object) => !isRecordObject(object));
}
