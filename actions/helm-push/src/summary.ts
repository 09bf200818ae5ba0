import { markdownTable, writeSummary } from '../../../src/report/summary.js';
import type { PushOutcome, Result } from './stage.js';

const RESULT_TEXT: Record<Result, string> = {
  pushed: 'pushed',
  replaced: 'replaced (if-exists: overwrite)',
  unchanged: 'unchanged (same content already published)',
};

export async function writePushSummary(outcome: PushOutcome): Promise<boolean> {
  return writeSummary((summary) => {
    summary.addHeading(`helm-push: ${outcome.chart} ${outcome.version}`, 3);
    summary.addRaw(
      markdownTable(
        ['destination', 'reference', 'digest', 'result'],
        outcome.destinations.map((d) => [
          d.destination,
          `\`${d.ref}\``,
          `\`${d.digest}\``,
          d.difference ? `${RESULT_TEXT[d.result]}: ${d.difference}` : RESULT_TEXT[d.result],
        ]),
      ),
      true,
    );
    const facts = [
      `content digest \`${outcome.contentDigest}\``,
      outcome.appVersion ? `appVersion ${outcome.appVersion}` : undefined,
      `helm ${outcome.helmVersion}`,
      outcome.signed ? 'signed (.prov published)' : 'not signed',
      outcome.lint
        ? `helm lint: ${outcome.lint.warnings} warning${outcome.lint.warnings === 1 ? '' : 's'}`
        : 'helm lint skipped',
    ].filter(Boolean);
    summary.addRaw(`\n${facts.join(' · ')}\n`, true);
  });
}
