import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../kube/client.js';
import { UserError } from '../errors.js';
import type { Difference } from './compare.js';
import { explainFailure } from './remediate.js';

/**
 * Why a restore was refused, and what to do, from the Status the API server
 * sends (as data). What remediation sends and what it does to live objects
 * runs against the real API server and the real helm 3 and 4 in
 * remediate.itg.test.ts (and through drift-check in its drift.itg.test.ts and
 * correctness.itg.test.ts, where the list-key conflict below is real).
 */

describe('a refused restore', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
  const rekeyed: Difference = {
    class: 'changed-in-cluster',
    ref,
    path: [
      'spec',
      'template',
      'spec',
      'containers',
      { key: 'name', value: 'web', index: 0 },
      'ports',
      { key: 'name', value: 'http', index: 0 },
      'containerPort',
    ],
    pointer: '/spec/template/spec/containers/0/ports/0/containerPort',
    change: 'changed',
    deployed: 8080,
    live: 9090,
    setByRelease: false,
  };

  it('names a list-key conflict, the edit that caused it and the patch that undoes it, not permissions', () => {
    // The Status the API server sends for the apply (as in the real-cluster test).
    const error = new KubeApiError(
      'Could not apply Deployment web: … answered HTTP 422 (…).',
      422,
      'Invalid',
      [
        // The API server names the duplicate twice.
        {
          reason: 'FieldValueDuplicate',
          message: 'Duplicate value: "http"',
          field: 'spec.template.spec.containers[0].ports[1].name',
        },
        {
          reason: 'FieldValueDuplicate',
          message: 'Duplicate value: "http"',
          field: 'spec.template.spec.containers[0].ports[1].name',
        },
      ],
    );
    const failed = explainFailure({ ref, differences: [rekeyed] }, error, 'shop');
    expect(failed.error).toBe(
      'Deployment shop/web: the API server refused the restore as a list-key conflict (spec.template.spec.containers[0].ports[1].name: Duplicate value: "http"). The cluster\'s edit changed a field that identifies a list item to server-side apply (spec.template.spec.containers[name=web].ports[name=http].containerPort 8080 → 9090), so applying the deployed item adds it next to the edited one instead of replacing it.',
    );
    expect(failed.fix).toBe(
      `set the value back in place, e.g. kubectl patch deployment/web -n shop --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080}]', or deploy the release again; then run drift-check again.`,
    );
    expect(failed.fix).not.toMatch(/permission/);
  });

  it('keeps the fix of a refusal for permissions, and says nothing it does not know', () => {
    const denied = new UserError('Could not apply Deployment web: … does not allow it.', {
      fix: 'grant patch',
    });
    expect(explainFailure({ ref, differences: [rekeyed] }, denied, 'shop').fix).toBe('grant patch');
    const other = explainFailure({ ref, differences: [] }, new Error('socket hang up'), 'shop');
    expect(other).toEqual({
      object: ref,
      error: 'Deployment shop/web: socket hang up',
    });
  });
});
