import { isSecretName, maskSecret } from '../report/redact.js';

/** A value a `%%NAME%%` placeholder can take, and where it came from (for reports). */
export interface PlaceholderValue {
  value: string | number | boolean;
  secret: boolean;
  source: string;
}

export const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that are never read from the environment: the runner's own secrets and plumbing. */
const RESERVED_ENV_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_'];
const ENVIRONMENT_SOURCE = 'environment variable';

/**
 * The one context every template is filled from (values files, inputs files,
 * drift targets): default.json, build outputs, the environment name, and the
 * variables the workflow passes in `env:`. Secret values are masked the moment
 * they enter it.
 */
export class PlaceholderContext {
  private readonly values = new Map<string, PlaceholderValue>();
  private readonly absent: { test: (name: string) => boolean; fix: (name: string) => string }[] =
    [];

  /** Placeholders that would come from a source that is not there, and how to give them a value. */
  noteAbsentSource(test: (name: string) => boolean, fix: (name: string) => string): this {
    this.absent.push({ test, fix });
    return this;
  }

  /** Why a placeholder has no value, when its source is absent; undefined otherwise. */
  absentFix(name: string): string | undefined {
    return this.absent.find((source) => source.test(name))?.fix(name);
  }

  set(
    name: string,
    value: string | number | boolean,
    options: { secret?: boolean; source: string },
  ): this {
    if (!PLACEHOLDER_NAME.test(name)) throw new Error(`invalid placeholder name: ${name}`);
    const secret = options.secret ?? false;
    if (secret) maskSecret(String(value));
    this.values.set(name, { value, secret, source: options.source });
    return this;
  }

  get(name: string): PlaceholderValue | undefined {
    return this.values.get(name) ?? undefined;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  names(): string[] {
    return [...this.values.keys()].sort();
  }

  /** The values of the secret entries (to cut out of summaries and reports). */
  secretValues(): string[] {
    return [...this.values.values()]
      .filter((entry) => entry.secret)
      .map((entry) => String(entry.value));
  }

  /** Names from default.json, the build and the environment input, not the workflow's variables. */
  standardNames(): string[] {
    return [...this.values.entries()]
      .filter(([, entry]) => entry.source !== ENVIRONMENT_SOURCE)
      .map(([name]) => name)
      .sort();
  }

  /**
   * Adds the workflow's environment variables that are not already set by a
   * more specific source. Variables named like secrets, or listed in
   * `secretNames`, are masked; the runner's own variables are never exposed.
   */
  addEnvironment(env: NodeJS.ProcessEnv, secretNames: readonly string[] = []): this {
    const secrets = new Set(secretNames);
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined || this.values.has(name) || !PLACEHOLDER_NAME.test(name)) continue;
      if (RESERVED_ENV_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
      this.set(name, value, {
        secret: secrets.has(name) || isSecretName(name),
        source: ENVIRONMENT_SOURCE,
      });
    }
    return this;
  }
}
