import { isSecretName, REDACTED, secretCutter } from '../report/redact.js';
import type { RawReport } from './report.js';

export { REDACTED };

export interface Secrets {
  /** Inputs whose values never leave the runner (besides those named like secrets). */
  inputNames: ReadonlySet<string>;
  /** Secret values to cut out of any text (messages, code_desc, attributes). */
  values: readonly string[];
}

/** An input is sensitive when the workflow names it, its name looks like a secret, or the profile says so. */
function isSensitive(
  input: { name: string; options?: { sensitive?: unknown } },
  inputNames: ReadonlySet<string>,
): boolean {
  return (
    inputNames.has(input.name) || isSecretName(input.name) || input.options?.sensitive === true
  );
}

/**
 * A copy of the report safe to write anywhere: the values of sensitive
 * inputs replaced in the echoed `attributes`, whatever their length, and
 * every secret value cut out of all text (src/report/redact.ts), since a
 * failed expectation can quote it in its message.
 */
export function redactReport(report: RawReport, secrets: Secrets): RawReport {
  const copy = secretCutter(secrets.values).cutDeep(report);
  for (const profile of copy.profiles) {
    for (const input of profile.attributes ?? []) {
      if (isSensitive(input, secrets.inputNames) && input.options && 'value' in input.options)
        input.options.value = REDACTED;
    }
  }
  return copy;
}

/**
 * The values of sensitive inputs as InSpec echoed them into `attributes`
 * (named by the workflow, named like a secret, or `sensitive: true` in
 * inspec.yml), so a value set by the profile itself is cut out of messages too.
 */
export function sensitiveInputValues(report: RawReport, inputNames: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const profile of report.profiles) {
    for (const input of profile.attributes ?? []) {
      if (!isSensitive(input, inputNames)) continue;
      values.push(...leaves(input.options?.value).filter((v) => v !== REDACTED));
    }
  }
  return values;
}

function leaves(node: unknown): string[] {
  if (node === null || node === undefined) return [];
  if (typeof node === 'object') return Object.values(node).flatMap(leaves);
  return [String(node)];
}
