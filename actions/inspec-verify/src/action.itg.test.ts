import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPackageServer,
  type PackageServer,
} from '../../../test/fixtures/inspec/package-server.js';
import { runBundle, type ActionRun } from '../../../test/support/runner.js';
import { leaks } from '../../../test/support/sentinels.js';

// The committed bundle, run as the GitHub runner runs it, with the stand-in
// executable (test/fixtures/inspec/bin/cinc-auditor, the one allowed double
// for InSpec): it parses InSpec's real command line, replays a report and
// exits with InSpec's real codes. Each scenario ends with its own outcome
// and message: compliance failures, infrastructure failures and user errors
// are told apart.

const FIXTURES = 'test/fixtures/inspec';
const CINC = `${FIXTURES}/bin/cinc-auditor`;
const INSPEC = `${FIXTURES}/bin/inspec`;
const profile = (name: string) => `${FIXTURES}/profiles/${name}`;

const SECRET = 'hunter2-Rotate-Me-2025';
const BANNER_NOTE = 'internal-note-4711';
/** PATH without the runner's own tools dir: no real cinc-auditor can be found by accident. */
const ENV = { DB_PASSWORD: SECRET, BANNER_NOTE, PATH: process.env.PATH ?? '' };

function errors(run: ActionRun): string[] {
  return run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
}

function lastError(run: ActionRun): string {
  return errors(run).at(-1) ?? '';
}

describe('a passing run', () => {
  it('ends ok with the counts, a 100% summary and the report as output', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), executable: CINC },
      { env: ENV },
    );
    expect(run.stderr).toBe('');
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    // web-01 and web-02 passed; web-03 has impact 0 (not applicable, not counted).
    expect(run.outputs).toMatchObject({
      ok: 'true',
      passed: '2',
      failed: '0',
      skipped: '1',
      errors: '0',
      compliance: '100',
    });
    expect(run.summary).toContain('## ✅ Compliance gate passed: 100% compliant');
    expect(run.summary).toContain(
      'CINC Auditor 6.8.24 · target `local` · profile `web-baseline` 1.0.0',
    );
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8'));
    expect(report.profiles[0].controls.map((c: { id: string }) => c.id)).toEqual([
      'web-01',
      'web-02',
      'web-03',
    ]);
    // InSpec was run with its real command line, the profile checked first.
    expect(run.stdout).toMatch(
      /\[command\]\S+\/cinc-auditor exec test\/fixtures\/inspec\/profiles\/passing --reporter json:\S+\/raw-report\.json cli --chef-license accept-silent/,
    );
  });
});

describe('a failing run', () => {
  let run: ActionRun;
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'inspec-verify-artifacts-'));
    run = await runBundle(
      'inspec-verify',
      {
        profile: profile('failing'),
        executable: CINC,
        environment: 'stage',
        manifest: 'test/fixtures/manifest/prebuilt.json',
        'inputs-file': `${FIXTURES}/inputs.yml`,
        'sensitive-inputs': 'banner',
        threshold: `${FIXTURES}/thresholds/strict.yml`,
        'previous-report': `${FIXTURES}/reports/previous.json`,
        sarif: join(out, 'inspec.sarif'),
        junit: join(out, 'junit.xml'),
      },
      { env: ENV },
    );
  });

  it('is a compliance failure listing every violated threshold, with the outputs set', () => {
    expect(run.exitCode).toBe(1);
    expect(lastError(run)).toBe(
      [
        'inspec-verify: Compliance failure: 3 thresholds are not met (test/fixtures/inspec/thresholds/strict.yml):',
        '  - compliance.min: compliance is 25%, below the minimum of 80% (1 passed of 4 counted; 1 not applicable not counted).',
        '  - failed.critical.max: 1 critical-severity control failed; at most 0 allowed: db-01.',
        '  - error.total.max: 1 control in error or without results; at most 0 allowed: web-07.',
        'How to fix: fix the failing controls on the target, or waive them with a justification and an expiry date; change the threshold only if the policy changed.',
      ].join('\n'),
    );
    // web-01 passed; web-05 and db-01 failed; web-06 waived; web-07 raised an exception.
    expect(run.outputs).toMatchObject({
      ok: 'false',
      passed: '1',
      failed: '2',
      skipped: '1',
      errors: '1',
      compliance: '25',
    });
  });

  it('annotates each failing control at its line in the repository', () => {
    const located = run.annotations
      .filter((a) => a.properties.file)
      .map((a) => [a.level, a.properties.title, a.properties.file, a.properties.line]);
    expect(located).toEqual([
      ['warning', 'web-05 failed (medium)', `${profile('failing')}/controls/web.rb`, '10'],
      ['warning', 'web-07 error (low)', `${profile('failing')}/controls/web.rb`, '26'],
      ['error', 'db-01 failed (critical)', `${profile('failing')}/controls/db.rb`, '1'],
    ]);
  });

  it('warns about a waiver that expires within 14 days, and shows waivers in the summary', () => {
    expect(
      run.annotations
        .filter((a) => a.level === 'warning' && !a.properties.file)
        .map((a) => a.message),
    ).toEqual([
      expect.stringMatching(
        /^The waiver of web-06 expires on \d{4}-\d{2}-\d{2} \(7 days\): Log shipping moves to the node agent in Q3 \(PLAT-142\)$/,
      ),
    ]);
    expect(run.summary).toMatch(
      /\| web-06 \| not applicable \(impact 0 or waived\) \| Log shipping moves to the node agent in Q3 \(PLAT-142\) \| \d{4}-\d{2}-\d{2} \| ⚠️ expires in 7 days \|/,
    );
  });

  it('summarises counts by status and severity, the violations, the failing controls and the change since last time', () => {
    expect(run.summary).toContain('## ❌ Compliance gate failed: 25% compliant');
    expect(run.summary).toContain('| failed | 1 | 0 | 1 | 0 | 0 | 2 |');
    expect(run.summary).toContain('| error | 0 | 0 | 0 | 1 | 0 | 1 |');
    expect(run.summary).toContain('### Threshold violations (3)');
    expect(run.summary).toContain(
      '| web-05 | medium | failed | The configuration is not world-writable |',
    );
    // Before: web-01 failed, web-05 passed, db-01 failed, web-07 absent.
    expect(run.summary).toContain(
      '- **2 new failures**: `web-05`, `web-07`\n- **1 fixed**: `web-01`\n- 1 still failing',
    );
  });

  it('renders the inputs file with the shared placeholder context, and never writes a secret value anywhere', () => {
    const report = readFileSync(run.outputs.report ?? '', 'utf8');
    const inputs = Object.fromEntries(
      JSON.parse(report).profiles[0].attributes.map(
        (a: { name: string; options: { value: unknown } }) => [a.name, a.options.value],
      ),
    );
    // APP_NAME and NAMESPACE come from default.json and the environment, as for helm-deploy.
    expect(inputs).toEqual({
      app_name: 'handbook',
      namespace: 'docs-stage',
      db_password: '***',
      banner: '***',
    });
    // Not in the log, the summary, an output, an annotation, the report, SARIF or JUnit.
    for (const secret of [SECRET, BANNER_NOTE]) {
      expect(leaks(run, secret, [run.outputs.report ?? '', out]), secret).toEqual([]);
    }
    // The failure message quoted the password; the copy says *** instead.
    expect(report).toContain('got: \\"***\\"');
    expect(run.masked).toEqual(
      expect.arrayContaining([SECRET, `Welcome to handbook, ${BANNER_NOTE}`]),
    );
    // The rendered inputs and InSpec's unredacted report are gone; the redacted copy stays.
    expect(readdirSync(dirname(run.outputs.report ?? ''))).toEqual(['report.json']);
  });

  it('writes SARIF for code scanning and JUnit for test reporting', () => {
    const sarif = JSON.parse(readFileSync(join(out, 'inspec.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'CINC Auditor', version: '6.8.24' });
    expect(
      sarif.runs[0].results.map(
        (r: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }) => [
          r.ruleId,
          r.level,
          r.locations[0]?.physicalLocation.artifactLocation.uri,
          r.locations[0]?.physicalLocation.region.startLine,
        ],
      ),
    ).toEqual([
      ['web-05', 'warning', `${profile('failing')}/controls/web.rb`, 10],
      ['web-07', 'note', `${profile('failing')}/controls/web.rb`, 26],
      ['db-01', 'error', `${profile('failing')}/controls/db.rb`, 1],
    ]);
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junit).toContain(
      '<testsuites name="inspec-verify" tests="5" failures="2" errors="1" skipped="1"',
    );
    expect(junit).toContain(
      '<failure message="File /etc/nginx/nginx.conf mode is expected to cmp == &quot;0644&quot;: expected: &quot;0644&quot;" type="failed">',
    );
  });
});

describe('our own judgement, not the exit code', () => {
  it('passes a run InSpec ended with exit 100 when the thresholds tolerate its failures', async () => {
    const run = await runBundle(
      'inspec-verify',
      {
        profile: profile('failing'),
        executable: CINC,
        threshold: `${FIXTURES}/thresholds/lenient.yml`,
      },
      { env: ENV },
    );
    expect(run.stdout).toContain('control failures');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ ok: 'true', failed: '2', errors: '1' });
  });

  it('fails a skipped-only run (InSpec exit 101): nothing was verified', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('skipped-only'), executable: CINC },
      { env: ENV },
    );
    expect(run.exitCode).toBe(1);
    expect(lastError(run)).toMatch(
      /^inspec-verify: Compliance failure: a threshold is not met \(the default threshold \(no `threshold` input\)\):\n {2}- passed\.total\.min: 0 controls passed; at least 1 required\./,
    );
    expect(run.outputs).toMatchObject({ ok: 'false', passed: '0', skipped: '2', compliance: '0' });
  });
});

describe('infrastructure failures are reported as such', () => {
  it('a profile that fails to load (exit 102) is not a compliance result', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('unloadable'), executable: CINC },
      { env: ENV },
    );
    expect(run.exitCode).toBe(1);
    expect(lastError(run)).toBe(
      [
        'inspec-verify: Infrastructure failure, compliance was not evaluated: the profile "web-baseline" failed to load (exit code 102): Failed to load source for controls/ports.rb: undefined method `each\' for nil:NilClass',
        '',
        'Control Source Code Error: test/fixtures/inspec/profiles/unloadable/controls/ports.rb:2',
        'How to fix: run `inspec check` (or `cinc-auditor check`) on the profile and fix the error it reports.',
      ].join('\n'),
    );
    expect(run.outputs).toEqual({ ok: 'false' });
    expect(run.summary).toContain('## ⚠️ Compliance was not evaluated');
  });

  it('a report the tool left cut short is an infrastructure failure, not a configuration error', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), executable: CINC },
      { env: { ...ENV, INSPEC_STAND_IN_TRUNCATE: '200' } },
    );
    expect(run.exitCode).toBe(1);
    expect(lastError(run)).toMatch(
      /^inspec-verify: Infrastructure failure, compliance was not evaluated: CINC Auditor .* exited with code 0 and left an unreadable report \(200 bytes; it ends early .*not valid JSON/s,
    );
    expect(lastError(run)).toMatch(/How to fix: the tool stopped while writing its report/);
    // No annotation points at the report's path, which the action chose.
    expect(run.annotations.filter((a) => a.properties.file)).toEqual([]);
    expect(run.outputs).toEqual({ ok: 'false' });
    expect(run.summary).toContain('## ⚠️ Compliance was not evaluated');
  });

  it('a licence refused by Chef InSpec (exit 172) says to set license-key or use cinc-auditor', async () => {
    const run = await runBundle(
      'inspec-verify',
      {
        profile: profile('passing'),
        executable: INSPEC,
        tool: 'inspec',
        'license-key': 'free-tier-key-0001',
      },
      { env: { ...ENV, INSPEC_STAND_IN_LICENCE: 'refuse' } },
    );
    expect(run.exitCode).toBe(1);
    expect(lastError(run)).toBe(
      'inspec-verify: Infrastructure failure, compliance was not evaluated: Chef InSpec refused to run: its licence was not accepted (exit code 172).\n' +
        'How to fix: set `license-key: ${{ secrets.CHEF_LICENSE_KEY }}` (the EULA is accepted for you), or use `tool: cinc-auditor` (the same engine, no licence needed).',
    );
    expect(run.masked).toContain('free-tier-key-0001');
    expect(leaks(run, 'free-tier-key-0001')).toEqual([]);
  });

  it('Chef InSpec without a licence key (exit 174) says the same', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), executable: INSPEC, tool: 'inspec' },
      { env: ENV },
    );
    expect(lastError(run)).toMatch(
      /refused to run: no licence key is set \(exit code 174\)\.\nHow to fix: set `license-key: .*or use `tool: cinc-auditor`/s,
    );
  });

  it('an unreachable target (exit 1) is an infrastructure failure with what Train said', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), executable: CINC, target: 'ssh://deploy@unreachable.invalid' },
      { env: ENV },
    );
    expect(lastError(run)).toBe(
      'inspec-verify: Infrastructure failure, compliance was not evaluated: CINC Auditor 6.8.24 could not run the profile on the target (exit code 1):\n' +
        'Train::Transports::SSHFailed: SSH session could not be established: getaddrinfo: Name or service not known (ssh://deploy@unreachable.invalid)\n' +
        'How to fix: check the `target` input, its credentials, and that the runner can reach it; the lines above from InSpec say what it tried.',
    );
  });
});

describe('a Kubernetes target', () => {
  it('k8s-container:// installs the train-kubernetes plugin first, then runs the profile in the pod', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'inspec-calls-')), 'calls.jsonl');
    const target = 'k8s-container://shop-dev/storefront-5d9f7c-abcde/storefront';
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), executable: CINC, target },
      { env: { ...ENV, INSPEC_STAND_IN_LOG: log } },
    );
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { command: string; target?: string; name?: string });
    expect(calls.map((c) => c.command)).toEqual(['plugin list', 'plugin install', 'exec']);
    expect(calls[1]).toMatchObject({ name: 'train-kubernetes' });
    expect(calls[2]).toMatchObject({ target });
    expect(run.stdout).toContain('train-kubernetes plugin: installed');
  });
});

describe('bad input ends in one clear error, before anything runs', () => {
  const exec = (run: ActionRun) => run.stdout.includes(' exec ');

  it('a profile that fails `check` is reported at its file and line', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('broken'), executable: CINC },
      { env: ENV },
    );
    expect(run.exitCode).toBe(1);
    expect(
      run.annotations
        .filter((a) => a.properties.file)
        .map((a) => [a.properties.file, a.properties.line, a.message]),
    ).toEqual([
      [
        `${profile('broken')}/controls/web.rb`,
        '10',
        'control web-02: Control web-02 has an impact that is not a number or a severity name: "high please"',
      ],
      [
        `${profile('broken')}/controls/web.rb`,
        '14',
        "syntax error, unexpected end-of-input, expecting `end'",
      ],
    ]);
    expect(lastError(run)).toMatch(
      /^inspec-verify: The profile test\/fixtures\/inspec\/profiles\/broken fails `cinc-auditor check` \(nothing was run\):/,
    );
    expect(exec(run)).toBe(false);
  });

  it('a missing profile', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: 'compliance/nope', executable: CINC },
      { env: ENV },
    );
    expect(lastError(run)).toMatch(
      /^inspec-verify: Profile "compliance\/nope" was not found \(looked for \/.*\/compliance\/nope\)\.\nHow to fix: check the `profile` input, and that actions\/checkout ran before this step\./,
    );
  });

  it('a threshold file with an unknown key, at its line, before the scan', async () => {
    const run = await runBundle(
      'inspec-verify',
      {
        profile: profile('passing'),
        executable: CINC,
        threshold: `${FIXTURES}/thresholds/typo.yml`,
      },
      { env: ENV },
    );
    expect(run.exitCode).toBe(1);
    expect(
      run.annotations.map((a) => [
        a.properties.file,
        a.properties.line,
        a.properties.col,
        a.message,
      ]),
    ).toEqual(
      [
        [
          `${FIXTURES}/thresholds/typo.yml`,
          '4',
          '3',
          expect.stringMatching(
            /^Unknown threshold key "failed.critcal.max".\nFix: did you mean failed.critical\?/,
          ),
        ],
        [
          '',
          undefined,
          undefined,
          expect.stringMatching(
            /^inspec-verify: A problem in the threshold file test\/fixtures\/inspec\/thresholds\/typo.yml \(nothing was evaluated\):/,
          ),
        ],
      ].map(([file, ...rest]) => [file || undefined, ...rest]),
    );
    expect(exec(run)).toBe(false);
    // The job summary says what is wrong too: it is not left empty.
    expect(run.summary).toContain('Compliance was not evaluated: an input needs fixing');
    expect(run.summary).toContain('A problem in the threshold file');
    expect(run.summary).toContain('Unknown threshold key "failed.critcal.max"');
  });

  it('an unknown target scheme, its password masked and quoted nowhere', async () => {
    const password = 'sentinel-target-password-7d1e';
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), executable: CINC, target: `ftp://deploy:${password}@host` },
      { env: ENV },
    );
    expect(lastError(run)).toBe(
      'inspec-verify: Target "ftp://deploy:***@host" uses the scheme "ftp", which inspec-verify does not support.\n' +
        'How to fix: use local, docker://<container>, ssh://<user>@<host>, winrm://<user>@<host>, k8s://<namespace> or k8s-container://<namespace>/<pod>/<container>.',
    );
    expect(run.masked).toContain(password);
    expect(leaks(run, password)).toEqual([]);
  });

  it('a tool that is not installed, with install refused', async () => {
    const run = await runBundle(
      'inspec-verify',
      { profile: profile('passing'), install: 'false' },
      { env: { ...ENV, PATH: '/usr/bin:/bin' } },
    );
    expect(lastError(run)).toBe(
      'inspec-verify: CINC Auditor is not installed on this runner and `install` is false.\n' +
        'How to fix: install it in an earlier step, give its path in `executable`, or set `install: true` to install cinc-auditor 6.8.24.',
    );
  });
});

describe('installing the tool from a package service', () => {
  let server: PackageServer;
  beforeAll(async () => {
    server = await startPackageServer();
  });
  afterAll(async () => server.close());

  it('downloads, verifies and caches CINC Auditor, then runs with it', async () => {
    const run = await runBundle(
      'inspec-verify',
      {
        profile: profile('passing'),
        'inspec-download-url': server.baseUrl,
        'inspec-version': '6.8.24',
      },
      { env: { ...ENV, PATH: `${join(process.execPath, '..')}:/usr/bin:/bin` } },
    );
    expect(errors(run)).toEqual([]);
    expect(run.outputs.ok).toBe('true');
    expect(run.stdout).toMatch(
      /Using CINC Auditor 6\.8\.24 \(\S+\/tool-cache\/cinc-auditor\/6\.8\.24\/x64\/bin\/cinc-auditor, from download\)\./,
    );
    expect(server.requests[0]).toMatch(
      /^\/stable\/cinc-auditor\/metadata\?v=6\.8\.24&p=\w+&pv=[\d.]+&m=x86_64$/,
    );
  });

  it('refuses a download that fails its checksum', async () => {
    const run = await runBundle(
      'inspec-verify',
      {
        profile: profile('passing'),
        'inspec-download-url': server.baseUrl,
        'inspec-version': '6.8.1',
      },
      { env: { ...ENV, PATH: `${join(process.execPath, '..')}:/usr/bin:/bin` } },
    );
    expect(lastError(run)).toMatch(
      /^inspec-verify: The download of cinc-auditor 6\.8\.1 from \S+ has sha256 [0-9a-f]{64}, but the pinned checksum says [0-9a-f]{64}; it was not installed\.\nHow to fix: retry the job/,
    );
    expect(run.outputs).toEqual({ ok: 'false' });
  });
});
