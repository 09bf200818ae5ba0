import { UserError, type UserErrorOptions } from '../errors.js';
import type { Violation } from './gate.js';

/**
 * The scan did not produce a verdict: the target was unreachable, the
 * profile did not load, the licence was refused, or nothing ran. Compliance
 * is unknown, which is reported as such, never as a compliance failure.
 */
export class InfrastructureFailure extends UserError {
  override readonly name = 'InfrastructureFailure';

  constructor(what: string, options: UserErrorOptions = {}) {
    super(`Infrastructure failure, compliance was not evaluated: ${what}`, options);
  }
}

/** The scan ran and its result does not meet the thresholds. */
export class ComplianceFailure extends UserError {
  override readonly name = 'ComplianceFailure';

  constructor(
    readonly violations: readonly Violation[],
    thresholdSource: string,
  ) {
    const count =
      violations.length === 1 ? 'a threshold is' : `${violations.length} thresholds are`;
    super(
      `Compliance failure: ${count} not met (${thresholdSource}):\n${violations
        .map((v) => `  - ${v.key}: ${v.message}`)
        .join('\n')}`,
      {
        fix: 'fix the failing controls on the target, or waive them with a justification and an expiry date; change the threshold only if the policy changed.',
      },
    );
  }
}
