import type { ExecOptions, ExecResult } from '../exec.js';
import { Tool } from '../tools/tool.js';
import { InfrastructureFailure } from './failures.js';

export const PRODUCTS = ['cinc-auditor', 'inspec'] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCT_LABEL: Record<Product, string> = {
  'cinc-auditor': 'CINC Auditor',
  inspec: 'Chef InSpec',
};

/**
 * What an exit code of `inspec exec` means (runner_rspec.rb, ui.rb), with
 * the default --distinct-exit. Checked by InSpec in this order: a profile
 * that failed to load (102), failed controls (100), skips only (101), clean.
 */
export type ExitMeaning =
  | 'clean'
  | 'failed-controls'
  | 'skipped-only'
  | 'profile-failed'
  | 'usage-or-target'
  | 'licence-not-accepted'
  | 'licence-not-entitled'
  | 'licence-not-set'
  | 'unexpected';

const EXIT_MEANINGS: Record<number, ExitMeaning> = {
  0: 'clean',
  100: 'failed-controls',
  101: 'skipped-only',
  102: 'profile-failed',
  1: 'usage-or-target',
  172: 'licence-not-accepted',
  173: 'licence-not-entitled',
  174: 'licence-not-set',
};

export function exitMeaning(code: number): ExitMeaning {
  return EXIT_MEANINGS[code] ?? 'unexpected';
}

export interface CheckProblem {
  file?: string;
  line?: number;
  column?: number;
  control_id?: string;
  msg: string;
}

export interface CheckResult {
  valid: boolean;
  errors: CheckProblem[];
  warnings: CheckProblem[];
  /** stderr when the output was not the JSON `check --format json` prints. */
  raw: string;
}

export interface ScanRequest {
  profile: string;
  targetArgs: readonly string[];
  inputFile: string | undefined;
  waiverFile: string | undefined;
  reportPath: string;
  cwd: string;
}

export interface ScanResult {
  exitCode: number;
  meaning: ExitMeaning;
  stderr: string;
}

/**
 * InSpec or CINC Auditor. Every command accepts the EULA non-interactively
 * (CHEF_LICENSE=accept-silent and --chef-license) and gets the licence key
 * through the environment, never the command line; a licence refusal (exit
 * 172–174) is raised as one clear failure from whichever command hit it.
 */
export class Inspec extends Tool {
  constructor(
    binary: string,
    readonly product: Product,
    licenseKey?: string,
  ) {
    super(binary, {
      CHEF_LICENSE: 'accept-silent',
      ...(licenseKey ? { CHEF_LICENSE_KEY: licenseKey } : {}),
    });
  }

  get label(): string {
    return PRODUCT_LABEL[this.product];
  }

  async version(): Promise<string | undefined> {
    const result = await this.run(['version'], { silent: true });
    return /\d+\.\d+\.\d+/.exec(result.stdout)?.[0];
  }

  /** `check PATH --format json`: exit 1 and valid: false when the profile is broken. */
  async check(profile: string, cwd: string): Promise<CheckResult> {
    const result = await this.run(
      ['check', profile, '--format', 'json', '--chef-license', 'accept-silent'],
      { cwd, silent: true },
    );
    const parsed = parseCheckOutput(result.stdout);
    if (!parsed) {
      return {
        valid: false,
        errors: [],
        warnings: [],
        raw: (result.stderr || result.stdout).trim(),
      };
    }
    return { ...parsed, valid: parsed.valid && result.exitCode === 0, raw: result.stderr.trim() };
  }

  /**
   * A Train transport plugin (train-kubernetes for k8s:// and
   * k8s-container://), installed from RubyGems when `plugin list` lacks it.
   */
  async ensurePlugin(name: string): Promise<'present' | 'installed'> {
    const list = await this.run(['plugin', 'list'], { silent: true });
    if (list.exitCode === 0 && new RegExp(`^\\s*${name}\\b`, 'm').test(list.stdout)) {
      return 'present';
    }
    const install = await this.run(['plugin', 'install', name], { silent: true });
    if (install.exitCode !== 0) {
      throw new InfrastructureFailure(
        `${this.label} could not install the ${name} plugin, which the target needs (exit code ${install.exitCode}): ${(install.stderr || install.stdout).trim()}`,
        {
          fix: `let the runner reach rubygems.org, or install it beforehand: \`${this.product} plugin install ${name}\`.`,
        },
      );
    }
    return 'installed';
  }

  async exec(request: ScanRequest): Promise<ScanResult> {
    const args = [
      'exec',
      request.profile,
      ...request.targetArgs,
      ...(request.inputFile ? ['--input-file', request.inputFile] : []),
      ...(request.waiverFile ? ['--waiver-file', request.waiverFile] : []),
      '--reporter',
      `json:${request.reportPath}`,
      'cli',
      '--chef-license',
      'accept-silent',
    ];
    const result = await this.run(args, { cwd: request.cwd });
    return {
      exitCode: result.exitCode,
      meaning: exitMeaning(result.exitCode),
      stderr: result.stderr,
    };
  }

  private async run(args: readonly string[], options: ExecOptions): Promise<ExecResult> {
    const result = await this.execute(args, options);
    const refusal = licenceRefusal(result.exitCode, this.label);
    if (refusal) throw refusal;
    return result;
  }
}

/** The failure for exit codes 172–174, or undefined for any other code. */
export function licenceRefusal(exitCode: number, label: string): InfrastructureFailure | undefined {
  const meaning = exitMeaning(exitCode);
  const useCinc = 'or use `tool: cinc-auditor` (the same engine, no licence needed).';
  switch (meaning) {
    case 'licence-not-accepted':
      return new InfrastructureFailure(
        `${label} refused to run: its licence was not accepted (exit code 172).`,
        {
          fix: `set \`license-key: \${{ secrets.CHEF_LICENSE_KEY }}\` (the EULA is accepted for you), ${useCinc}`,
        },
      );
    case 'licence-not-entitled':
      return new InfrastructureFailure(
        `${label} refused to run: the licence key is not entitled to it (exit code 173).`,
        { fix: `use a key entitled to Chef InSpec in \`license-key\`, ${useCinc}` },
      );
    case 'licence-not-set':
      return new InfrastructureFailure(
        `${label} refused to run: no licence key is set (exit code 174).`,
        {
          fix: `set \`license-key: \${{ secrets.CHEF_LICENSE_KEY }}\`, ${useCinc}`,
        },
      );
    default:
      return undefined;
  }
}

/** The JSON object `check --format json` prints, even after stray log lines. */
export function parseCheckOutput(stdout: string): Omit<CheckResult, 'raw'> | undefined {
  const start = stdout.indexOf('{');
  if (start === -1) return undefined;
  try {
    const value = JSON.parse(stdout.slice(start)) as {
      summary?: { valid?: boolean };
      errors?: CheckProblem[];
      warnings?: CheckProblem[];
    };
    if (typeof value.summary?.valid !== 'boolean') return undefined;
    return {
      valid: value.summary.valid,
      errors: Array.isArray(value.errors) ? value.errors : [],
      warnings: Array.isArray(value.warnings) ? value.warnings : [],
    };
  } catch {
    return undefined;
  }
}
