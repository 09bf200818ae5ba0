import { failureMessages, type Control, type Severity } from './controls.js';
import { isFailing } from './compare.js';
import type { RepoLocation } from './locate.js';

export interface SarifOptions {
  toolName: string;
  toolVersion: string | undefined;
  locate: (control: Control) => RepoLocation | undefined;
}

/** GitHub code scanning ranks alerts by this property (0.1–10). */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  none: undefined,
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  none: 'note',
};

const MAX_MESSAGE = 4000;

/**
 * SARIF 2.1.0 for GitHub code scanning: one result per failing control
 * (failed, error, no results), one rule per control, located at the
 * control's source line when the profile is in the repository.
 */
export function toSarif(controls: readonly Control[], options: SarifOptions): object {
  const failing = controls.filter((c) => isFailing(c.status));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName,
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: 'https://docs.chef.io/inspec/',
            rules: failing.map(rule),
          },
        },
        results: failing.map((control, index) => result(control, index, options.locate(control))),
      },
    ],
  };
}

function rule(control: Control): object {
  const securitySeverity = SECURITY_SEVERITY[control.severity];
  return {
    id: control.id,
    name: control.id,
    shortDescription: { text: control.title || control.id },
    defaultConfiguration: { level: LEVEL[control.severity] },
    properties: {
      tags: ['compliance', 'inspec', control.profile],
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
      impact: control.impact,
      severity: control.severity,
    },
  };
}

function result(control: Control, ruleIndex: number, location: RepoLocation | undefined): object {
  const detail = failureMessages(control).join('\n');
  const text = `${control.title || control.id} (${control.status.replace('_', ' ')}, ${control.severity})${detail ? `\n${detail}` : ''}`;
  return {
    ruleId: control.id,
    ruleIndex,
    level: LEVEL[control.severity],
    message: { text: text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text },
    ...(location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: location.path },
                ...(location.line ? { region: { startLine: location.line } } : {}),
              },
            },
          ],
        }
      : {}),
    properties: { profile: control.profile, status: control.status },
  };
}
