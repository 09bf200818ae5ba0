import { describe, expect, it } from 'vitest';
import { needsServer } from './render.js';

/** Which charts helm template renders as a server dry run would, given the cluster's capabilities. */

const capabilities = {
  kubeVersion: 'v1.34.10',
  apiVersions: ['v1', 'v1/ConfigMap', 'apps/v1', 'apps/v1/Deployment', 'policy/v1'],
};

const of = (text: string) => needsServer(new Map([['templates/x.yaml', text]]), capabilities);

describe('needsServer', () => {
  it('sends a chart that calls lookup to the server', () => {
    expect(of('uid: {{ (lookup "v1" "Namespace" "" .Release.Namespace).metadata.uid }}')).toMatch(
      /templates\/x.yaml calls lookup/,
    );
    expect(of('{{- $s := lookup $v $k .Release.Namespace $n }}')).toBeDefined();
  });

  it('renders client side what only mentions the word, or asks for served or custom APIs', () => {
    expect(of('dnsLookup: true\nlookup: off\n# .Values.lookup is a value')).toBeUndefined();
    expect(
      of('{{ if .Capabilities.APIVersions.Has "apps/v1/Deployment" }}x{{ end }}'),
    ).toBeUndefined();
    // A custom group that is not served: helm template does not know it either.
    expect(
      of('{{ if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}x{{ end }}'),
    ).toBeUndefined();
  });

  it('sends a chart to the server when it asks for a built-in API the server does not serve', () => {
    // helm template's own list still holds policy/v1beta1; the server dropped it.
    expect(of('{{ if .Capabilities.APIVersions.Has "policy/v1beta1" }}x{{ end }}')).toMatch(
      /serves policy\/v1beta1, which it does not/,
    );
    expect(of('{{ if .Capabilities.APIVersions.Has "v1/Binding" }}x{{ end }}')).toBeDefined();
  });
});
