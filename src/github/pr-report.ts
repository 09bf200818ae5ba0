import { UserError } from '../errors.js';
import { cell } from '../report/summary.js';

/**
 * The pull-request report: what the jobs of a pull-request check found (the
 * `needs` context of the reporting job: each job's result and outputs),
 * rendered once and shown twice, as a check run and as a comment that is
 * found again by a hidden marker and updated in place.
 */

export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped';
export type Conclusion = 'success' | 'failure' | 'cancelled';

export interface JobReport {
  id: string;
  result: JobResult;
  outputs: Record<string, string>;
}

export interface ReportContext {
  /** Head commit the report is about. */
  sha: string;
  /** Link to the workflow run, where every job's summary is. */
  runUrl: string;
  /** Keeps reports of different workflows (or apps) on one pull request apart. */
  key: string;
}

export interface RenderedReport {
  conclusion: Conclusion;
  /** One line: the check run's title and the comment's heading. */
  title: string;
  /** Markdown table of every job: the check run's summary. */
  summary: string;
  /** The whole comment, hidden marker first. */
  comment: string;
}

const RESULTS: readonly JobResult[] = ['success', 'failure', 'cancelled', 'skipped'];

/**
 * Parses the reporting job's `needs` context (`toJSON(needs)`): an object of
 * job id → { result, outputs }. Jobs keep the order the workflow lists them in.
 */
export function parseNeeds(text: string): JobReport[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`Input "needs" is not JSON: ${(error as Error).message}.`, {
      fix: 'pass the needs context as JSON: `needs: ${{ toJSON(needs) }}`.',
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError('Input "needs" must be a JSON object of job id → { result, outputs }.', {
      fix: 'pass the needs context as JSON: `needs: ${{ toJSON(needs) }}`.',
    });
  }
  const jobs: JobReport[] = [];
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const job = (value ?? {}) as { result?: unknown; outputs?: unknown };
    if (typeof job.result !== 'string' || !RESULTS.includes(job.result as JobResult)) {
      throw new UserError(
        `Input "needs": job "${id}" has result ${JSON.stringify(job.result)}, not one of ${RESULTS.join(', ')}.`,
        { fix: 'pass the needs context as JSON: `needs: ${{ toJSON(needs) }}`.' },
      );
    }
    const outputs: Record<string, string> = {};
    if (typeof job.outputs === 'object' && job.outputs !== null) {
      for (const [name, output] of Object.entries(job.outputs as Record<string, unknown>)) {
        if (output !== undefined && output !== null) outputs[name] = String(output);
      }
    }
    jobs.push({ id, result: job.result as JobResult, outputs });
  }
  if (jobs.length === 0) {
    throw new UserError('Input "needs" names no job: there is nothing to report.', {
      fix: 'list the check jobs under `needs:` of the job that runs pr-report.',
    });
  }
  return jobs;
}

/** failure wins over cancelled, which wins over success; skipped jobs count as passed. */
export function conclusionOf(jobs: readonly JobReport[]): Conclusion {
  if (jobs.some((job) => job.result === 'failure')) return 'failure';
  if (jobs.some((job) => job.result === 'cancelled')) return 'cancelled';
  return 'success';
}

/** The hidden marker the comment is found by; one per key. */
export function commentMarker(key: string): string {
  return `<!-- pipeline-actions:pr-report:${key.replace(/--+/g, '-')} -->`;
}

const ICONS: Record<JobResult, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⚪',
  skipped: '⏭️',
};

/** What the jobs of .github/workflows/pr-checks.yml are called in the report. */
function label(job: JobReport): string {
  switch (job.id) {
    case 'build':
      return 'Image builds (not pushed)';
    case 'chart':
      return 'Chart lints and packages';
    case 'render':
      return 'Templates render (no cluster credentials)';
    case 'dry-run':
      return `What would change in ${job.outputs.environment || 'the environment'}`;
    case 'compliance':
      return 'Compliance profile loads';
    default:
      return job.id;
  }
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** One short line of what a job found, from its outputs. */
function details(job: JobReport): string {
  const o = job.outputs;
  if (job.result === 'skipped') return 'not run';
  if (job.result === 'cancelled') return 'cancelled';
  switch (job.id) {
    case 'build':
      if (!o.image) break;
      return [
        `${code(o.image)}${o.version ? ` version ${code(o.version)}` : ''}`,
        o.reason ? `reason: ${o.reason}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    case 'chart':
      if (!o.chart) break;
      return `${code(`${o.chart}-${o.version ?? ''}.tgz`)}${o.warnings && o.warnings !== '0' ? `, ${o.warnings} lint warning(s)` : ''}`;
    case 'render':
      if (!o.release) break;
      return `release ${code(o.release)} in ${code(o.namespace ?? '?')}`;
    case 'dry-run':
      if (!o.changed) break;
      return o.changed === 'true'
        ? `release ${code(o.release ?? '?')} in ${code(o.namespace ?? '?')} would change (the diff is in the job summary)`
        : `no change to release ${code(o.release ?? '?')} in ${code(o.namespace ?? '?')}`;
    case 'compliance':
      if (!o.valid) break;
      return o.valid === 'true'
        ? `profile ${code(o.profile ?? '?')} is valid${o.controls ? `, ${o.controls} control(s)` : ''}${o.warnings && o.warnings !== '0' ? `, ${o.warnings} warning(s)` : ''}`
        : `profile ${code(o.profile ?? '?')} does not load: ${o.errors ?? '?'} error(s)`;
  }
  if (job.result === 'failure') return 'failed: see the job log';
  const shown = Object.entries(o)
    .filter(([, value]) => value !== '')
    .slice(0, 4)
    .map(
      ([name, value]) => `${name}: ${code(value.length > 80 ? `${value.slice(0, 77)}...` : value)}`,
    );
  return shown.join(', ');
}

const HEADINGS: Record<Conclusion, string> = {
  success: 'all checks passed',
  failure: 'some checks failed',
  cancelled: 'some checks were cancelled',
};

export function renderReport(jobs: readonly JobReport[], context: ReportContext): RenderedReport {
  const conclusion = conclusionOf(jobs);
  const failed = jobs.filter((job) => job.result === 'failure').map(label);
  const title =
    conclusion === 'failure'
      ? `${failed.length} of ${jobs.length} checks failed: ${failed.join(', ')}`
      : `${jobs.filter((job) => job.result === 'success').length} of ${jobs.length} checks passed`;
  const rows = jobs.map(
    (job) => `| ${cell(label(job))} | ${ICONS[job.result]} ${job.result} | ${cell(details(job))} |`,
  );
  const summary = ['| Check | Result | Details |', '| --- | --- | --- |', ...rows].join('\n');
  const short = context.sha.slice(0, 7);
  const comment = [
    commentMarker(context.key),
    `### ${ICONS[conclusion === 'success' ? 'success' : conclusion]} pipeline-actions: ${HEADINGS[conclusion]}`,
    '',
    summary,
    '',
    `<sub>Commit ${code(short)} · [workflow run](${context.runUrl}) (each job's summary has the details) · this comment is updated on every push</sub>`,
    '',
  ].join('\n');
  return { conclusion, title, summary, comment };
}
