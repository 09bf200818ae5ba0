import { join } from 'node:path';
import { annotate } from '../report/annotations.js';
import { isFailing } from './compare.js';
import { failureMessages, type Control } from './controls.js';
import type { RepoLocator } from './locate.js';
import type { WaiverNote } from './waivers.js';

/** GitHub shows 10 annotations of each level per step; more is noise. */
const MAX_ANNOTATIONS = 50;

/**
 * An annotation on each failing control's line, for profiles kept in the
 * repository (critical and high as errors, the rest as warnings), and a
 * warning for each waiver that lapses within two weeks.
 */
export function annotateFindings(
  controls: readonly Control[],
  waivers: readonly WaiverNote[],
  locator: RepoLocator,
  workspace: string,
): void {
  let emitted = 0;
  for (const control of controls) {
    if (emitted >= MAX_ANNOTATIONS) break;
    if (!isFailing(control.status)) continue;
    const location = locator.locate(control);
    if (!location) continue;
    annotate(
      control.severity === 'critical' || control.severity === 'high' ? 'error' : 'warning',
      failureMessages(control).join('\n') || control.title,
      { file: join(workspace, location.path), ...(location.line ? { line: location.line } : {}) },
      `${control.id} ${control.status.replace('_', ' ')} (${control.severity})`,
    );
    emitted++;
  }
  for (const waiver of waivers) {
    if (waiver.state !== 'expiring') continue;
    annotate(
      'warning',
      `The waiver of ${waiver.control.id} expires on ${waiver.expirationDate} (${waiver.daysLeft} days): ${waiver.justification}`,
    );
  }
}
