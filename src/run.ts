import * as core from './core.js';
import {
  errorMessage,
  formatLocation,
  isOutage,
  isUserError,
  OutageError,
  ToolError,
  UserError,
  UserErrors,
} from './errors.js';
import { annotate } from './report/annotations.js';

/**
 * Runs an action's main() and turns whatever it throws into one clear failure.
 * A user's mistake is reported as such, with where and how to fix it; any
 * other failure says it is one, with its cause and (in debug) the stack.
 * setFailed() only sets the exit code, so nothing else runs after it here.
 */
export async function runAction(actionName: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    reportFailure(actionName, error);
  }
}

export function reportFailure(actionName: string, error: unknown): void {
  if (isUserError(error)) {
    annotateUserError(error);
    const fix = error.fix && !(error instanceof UserErrors) ? `\nHow to fix: ${error.fix}` : '';
    const where = formatLocation(error.location);
    const prefix = where && !(error instanceof UserErrors) ? `${where}: ` : '';
    core.setFailed(`${actionName}: ${prefix}${error.message}${fix}`);
    return;
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  if (isOutage(error)) {
    const prefix =
      error instanceof OutageError ? '' : 'a service this step needs could not be reached: ';
    core.setFailed(
      `${actionName}: ${prefix}${errorMessage(error)}\n` +
        'This is an outage or a network problem between this runner and that service, not a problem with your inputs: ' +
        "check the host name and the runner's network (proxy, firewall), and re-run the job when the service answers.",
    );
    return;
  }
  if (error instanceof ToolError) {
    core.setFailed(`${actionName}: ${error.message}`);
    return;
  }
  core.setFailed(
    `${actionName} failed unexpectedly: ${errorMessage(error)}\n` +
      'This is not caused by your inputs; re-run with ACTIONS_STEP_DEBUG=true for the stack, and report it if it persists.',
  );
}

function annotateUserError(error: UserError): void {
  const errors = error instanceof UserErrors ? error.errors : [error];
  for (const each of errors) {
    if (!each.location) continue;
    annotate(
      'error',
      each.fix ? `${each.message}\nFix: ${each.fix}` : each.message,
      each.location,
      'Configuration error',
    );
  }
}
