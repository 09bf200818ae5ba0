import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/objects.js';
import type { HelmRevision } from '../tools/helm.js';
import { describeReleaseState, podsOf, readiness } from './failure.js';

const deployment = (status: Record<string, unknown>, replicas = 2) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation: 4 },
  spec: { replicas, selector: { matchLabels: { app: 'web' } } },
  status: { observedGeneration: 4, ...status },
});

describe('what is not ready, judged as kubectl rollout status does', () => {
  it('a Deployment is ready only when every replica is updated and available and no old one is left', () => {
    expect(
      readiness(
        deployment({ replicas: 2, updatedReplicas: 2, availableReplicas: 2, readyReplicas: 2 }),
      ),
    ).toBeUndefined();
    expect(
      readiness(deployment({ replicas: 3, updatedReplicas: 2, availableReplicas: 2 }))?.state,
    ).toBe('2/2 updated, 2 available, 1 old still running');
    expect(
      readiness(
        deployment({
          replicas: 2,
          updatedReplicas: 2,
          availableReplicas: 1,
          conditions: [
            {
              type: 'Available',
              status: 'False',
              reason: 'MinimumReplicasUnavailable',
              message: 'no',
            },
          ],
        }),
      ),
    ).toEqual({ state: '2/2 updated, 1 available', reasons: ['MinimumReplicasUnavailable: no'] });
    expect(
      readiness({ ...deployment({}), metadata: { name: 'web', generation: 5 } }),
    ).toBeDefined();
  });

  it('a pod says why: its conditions and its containers', () => {
    expect(
      readiness({
        kind: 'Pod',
        metadata: { name: 'web-1' },
        status: {
          phase: 'Pending',
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/3 nodes are available',
            },
          ],
        },
      }),
    ).toEqual({ state: 'Pending', reasons: ['Unschedulable: 0/3 nodes are available'] });
    expect(
      readiness({
        kind: 'Pod',
        metadata: { name: 'web-1' },
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'False' }],
          containerStatuses: [
            {
              name: 'web',
              state: { waiting: { reason: 'ImagePullBackOff', message: 'not found' } },
            },
          ],
        },
      })?.reasons,
    ).toEqual(['container web ImagePullBackOff: not found']);
  });

  it('a claim is ready when bound, a job unless it failed', () => {
    expect(readiness({ kind: 'PersistentVolumeClaim', status: { phase: 'Pending' } })?.state).toBe(
      'Pending',
    );
    expect(
      readiness({ kind: 'PersistentVolumeClaim', status: { phase: 'Bound' } }),
    ).toBeUndefined();
    expect(readiness({ kind: 'Job', status: { failed: 2 } })?.state).toBe('2 failed');
  });

  it("finds a workload's pods by its selector", () => {
    const pods: KubeObject[] = [
      { kind: 'Pod', metadata: { name: 'a', labels: { app: 'web', x: '1' } } },
      { kind: 'Pod', metadata: { name: 'b', labels: { app: 'db' } } },
    ];
    expect(podsOf(deployment({}), pods).map((pod) => pod.metadata?.name)).toEqual(['a']);
  });
});

describe('the state a failure left the release in', () => {
  const rev = (revision: number, status: string, description = ''): HelmRevision => ({
    revision,
    status,
    description,
    updated: '',
    chart: 'web-1.0.0',
    app_version: '',
  });

  it('says that an atomic rollback put the previous revision back', () => {
    expect(
      describeReleaseState(
        [
          rev(1, 'superseded'),
          rev(2, 'failed', 'Upgrade "web" failed'),
          rev(3, 'deployed', 'Rollback to 1'),
        ],
        'web',
      ),
    ).toBe(
      'Release web is at revision 3 (deployed: Rollback to 1). It was rolled back to the configuration of revision 1, which serves again; revision 2 failed.',
    );
  });

  it('says what to run when the failed revision stays (atomic off)', () => {
    expect(
      describeReleaseState([rev(1, 'deployed'), rev(2, 'failed', 'Upgrade "web" failed')], 'web'),
    ).toBe(
      'Release web is at revision 2 (failed: Upgrade "web" failed). Revision 1 is the last one deployed; the cluster may hold parts of revision 2. `helm rollback web 1` restores revision 1 completely.',
    );
  });

  it('says when there is no release at all', () => {
    expect(describeReleaseState([], 'web')).toMatch(/^Release web does not exist/);
  });
});
