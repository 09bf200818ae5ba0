import type { RawReport } from './report.js';

export const REDACTED = '***';

/**
 * Shorter values are only replaced where they stand whole (an input's value):
 * replacing "on" or "42" inside every message would garble the report.
 */
export const MIN_REDACTED_LENGTH = 4;

export interface Secrets {
  /** Inputs whose values never leave the runner. */
  inputNames: ReadonlySet<string>;
  /** Secret values to cut out of any text (messages, code_desc, attributes). */
  values: readonly string[];
}

/**
 * A copy of the report safe to write anywhere: the values of sensitive
 * inputs (named, or marked `sensitive: true` in the profile) replaced in the
 * echoed `attributes`, and every secret value cut out of all text, since a
 * failed expectation can quote it in its message.
 */
export function redactReport(report: RawReport, secrets: Secrets): RawReport {
  const values = [...new Set(secrets.values.map(String))]
    .filter((v) => v.length >= MIN_REDACTED_LENGTH)
    .sort((a, b) => b.length - a.length);
  const copy = redactStrings(report, values) as RawReport;
  for (const profile of copy.profiles) {
    for (const input of profile.attributes ?? []) {
      const sensitive = secrets.inputNames.has(input.name) || input.options?.sensitive === true;
      if (sensitive && input.options && 'value' in input.options) input.options.value = REDACTED;
    }
  }
  return copy;
}

/**
 * The values of sensitive inputs as InSpec echoed them into `attributes`
 * (named by the workflow, or `sensitive: true` in inspec.yml), so a value
 * set by the profile itself is cut out of messages too.
 */
export function sensitiveInputValues(report: RawReport, inputNames: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const profile of report.profiles) {
    for (const input of profile.attributes ?? []) {
      if (!inputNames.has(input.name) && input.options?.sensitive !== true) continue;
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

function redactStrings(node: unknown, values: readonly string[]): unknown {
  if (typeof node === 'string') return values.length ? redactText(node, values) : node;
  if (Array.isArray(node)) return node.map((item) => redactStrings(item, values));
  if (node !== null && typeof node === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = redactStrings(value, values);
    return copy;
  }
  return node;
}

export function redactText(text: string, values: readonly string[]): string {
  let result = text;
  for (const value of values) {
    if (result.includes(value)) result = result.split(value).join(REDACTED);
  }
  return result;
}
