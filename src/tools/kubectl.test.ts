import { describe, expect, it } from 'vitest';
import { ToolError, TransientError, UserError } from '../errors.js';
import { apiFailure, resourceName } from './kubectl.js';

describe('kubectl', () => {
  it('names resources so kubectl get resolves them without ambiguity', () => {
    expect(resourceName({ apiVersion: 'v1', kind: 'ConfigMap' })).toBe('ConfigMap');
    expect(resourceName({ apiVersion: 'apps/v1', kind: 'Deployment' })).toBe('Deployment.v1.apps');
    expect(resourceName({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' })).toBe(
      'Ingress.v1.networking.k8s.io',
    );
  });

  const failed = (stderr: string) =>
    apiFailure({ exitCode: 1, stdout: '', stderr }, 'https://k8s.example.com', 'kubectl', ['get']);

  it('tells an unreachable server (worth another try) from refused credentials and missing permissions', () => {
    const refused = failed(
      'The connection to the server k8s.example.com was refused - did you specify the right host or port?',
    );
    expect(refused).toBeInstanceOf(TransientError);
    expect(refused.message).toMatch(
      /^The Kubernetes API server https:\/\/k8s\.example\.com cannot be reached: /,
    );
    expect(failed('error: You must be logged in to the server (Unauthorized)')).toBeInstanceOf(
      UserError,
    );
    expect(
      failed('Error from server (Forbidden): pods is forbidden: User "ci" cannot list'),
    ).toBeInstanceOf(UserError);
    expect(
      failed('Unable to connect to the server: x509: certificate signed by unknown authority')
        .message,
    ).toMatch(/presented a certificate that is not trusted/);
    expect(failed('error: the server doesn\'t have a resource type "Widget"')).toBeInstanceOf(
      ToolError,
    );
  });
});
