import { UserError } from '../errors.js';

/**
 * The parts of InSpec's JSON reporter output (`--reporter json:PATH`) that
 * the gate reads. Field names are InSpec's; everything not listed here is
 * carried through untouched in the report copy.
 */
export interface RawResult {
  /** InSpec writes only passed, failed or skipped; "error" is derived (see controls.ts). */
  status?: string;
  code_desc?: string;
  message?: string;
  skip_message?: string;
  exception?: string;
  backtrace?: string[] | null;
  run_time?: number;
  start_time?: string;
}

export interface RawWaiver {
  justification?: string;
  run?: boolean;
  skipped_due_to_waiver?: boolean;
  expiration_date?: string;
  message?: string;
}

export interface RawControl {
  id: string;
  title?: string | null;
  desc?: string | null;
  impact: number;
  tags?: Record<string, unknown>;
  source_location?: { ref?: string; line?: number };
  waiver_data?: RawWaiver;
  results: RawResult[];
}

export interface RawInput {
  name: string;
  options?: { value?: unknown; sensitive?: boolean; type?: string };
}

export interface RawProfile {
  name: string;
  version?: string;
  title?: string;
  /** loaded, skipped (platform not supported) or failed (did not load). */
  status?: string;
  status_message?: string;
  skip_message?: string;
  parent_profile?: string;
  depends?: { name?: string; status?: string; skip_message?: string }[];
  attributes?: RawInput[];
  controls: RawControl[];
}

export interface RawReport {
  platform?: { name?: string; release?: string; target_id?: string };
  profiles: RawProfile[];
  statistics?: { duration?: number };
  version?: string;
}

/** InSpec reports are a few MiB; a 5,000-control STIG run stays well under this. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/**
 * Parses and shape-checks a JSON report. Throws one UserError naming the
 * first field that is not what InSpec writes, so a json-min report, a
 * profile summary (`inspec json`) or an HDF file from another tool is
 * recognised for what it is instead of being judged as empty.
 */
export function parseReport(text: string, source: string): RawReport {
  if (Buffer.byteLength(text, 'utf8') > MAX_REPORT_BYTES) {
    throw notAReport(source, `it is larger than ${MAX_REPORT_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${source} is not valid JSON: ${(error as Error).message}`, {
      fix: 'point at the file InSpec wrote with `--reporter json:PATH`.',
      location: { file: source },
      cause: error,
    });
  }
  const problem = shapeProblem(value);
  if (problem) throw notAReport(source, problem);
  return value as RawReport;
}

function notAReport(source: string, why: string): UserError {
  return new UserError(`${source} is not an InSpec JSON report: ${why}.`, {
    fix: 'use the output of `inspec exec … --reporter json:PATH` (json-min and `inspec json` lack the results the gate needs).',
    location: { file: source },
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first path that is missing or of the wrong type, or undefined. */
function shapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'the top level is not an object';
  if (!Array.isArray(value.profiles)) return '"profiles" is missing';
  for (const [p, profile] of value.profiles.entries()) {
    const at = `profiles[${p}]`;
    if (!isObject(profile)) return `${at} is not an object`;
    if (typeof profile.name !== 'string') return `${at}.name is missing`;
    if (!Array.isArray(profile.controls)) return `${at}.controls is missing`;
    for (const [c, control] of profile.controls.entries()) {
      const where = `${at}.controls[${c}]`;
      if (!isObject(control)) return `${where} is not an object`;
      if (typeof control.id !== 'string') return `${where}.id is missing`;
      if (typeof control.impact !== 'number') return `${where}.impact is not a number`;
      if (!Array.isArray(control.results)) {
        return `${where}.results is missing (a profile summary has no results)`;
      }
    }
  }
  return undefined;
}
