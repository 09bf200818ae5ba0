// A large InSpec report for the inspec-verify benchmark: one profile of
// `count` controls in InSpec's JSON reporter format (the fields
// src/inspec/report.ts and SAF read), with a fixed mix a hardening baseline
// run shows: mostly passed, some failed (low and medium only), some not
// reviewed (every result skipped), some not applicable (impact 0), a few
// errors (an exception with a backtrace), one to four results each.
// Deterministic: the same count gives the same bytes.

const SEVERITY_IMPACTS = [0.3, 0.5, 0.7, 0.9];

function kindOf(index) {
  const slot = index % 500;
  if (slot < 10) return 'not-applicable';
  if (slot < 30) return 'failed';
  if (slot < 45) return 'skipped';
  if (slot === 45) return 'error';
  return 'passed';
}

function result(kind, control, n, start) {
  const base = {
    code_desc: `File /etc/bench/${control}-${n}.conf is expected to be owned by "root"`,
    run_time: 0.000731 + n / 1e5,
    start_time: start,
    resource_id: `/etc/bench/${control}-${n}.conf`,
  };
  if (kind === 'passed') return { status: 'passed', ...base };
  if (kind === 'failed' && n === 0) {
    return {
      status: 'failed',
      ...base,
      message: 'expected `File /etc/bench` to be owned by "root"\n     got "app"',
    };
  }
  if (kind === 'failed') return { status: 'passed', ...base };
  if (kind === 'error') {
    return {
      status: 'failed',
      ...base,
      message: "undefined method `[]' for nil:NilClass",
      exception: 'NoMethodError',
      backtrace: [`controls/${control}.rb:12:in \`block (3 levels) in load_with_context'`],
    };
  }
  return { status: 'skipped', ...base, skip_message: 'Skipped control due to only_if condition.' };
}

function control(index) {
  const id = `BENCH-${String(index + 1).padStart(5, '0')}`;
  const kind = kindOf(index);
  const impact =
    kind === 'not-applicable'
      ? 0
      : kind === 'failed'
        ? SEVERITY_IMPACTS[index % 2]
        : SEVERITY_IMPACTS[index % SEVERITY_IMPACTS.length];
  const results = [];
  const start = new Date(Date.UTC(2026, 0, 1, 0, 0, index % 60)).toISOString();
  for (let n = 0; n < 1 + (index % 4); n++) results.push(result(kind, id, n, start));
  return {
    id,
    title: `Configuration file ${index + 1} must be owned by root`,
    desc: 'Files that configure the system must be owned by root so that no other account can change them.',
    descriptions: [
      { label: 'default', data: 'Files that configure the system must be owned by root.' },
      { label: 'check', data: `Verify the owner of /etc/bench/${id}-*.conf.` },
      { label: 'fix', data: `chown root /etc/bench/${id}-*.conf` },
    ],
    impact,
    refs: [],
    tags: {
      nist: ['CM-6 b', 'AC-6'],
      cci: ['CCI-000366'],
      gid: `V-${200000 + index}`,
      rid: `SV-${200000 + index}r1`,
    },
    code: `control '${id}' do\n  impact ${impact}\n  describe file('/etc/bench/${id}.conf') do\n    it { should be_owned_by 'root' }\n  end\nend\n`,
    source_location: { ref: `controls/${id}.rb`, line: 1 },
    waiver_data: {},
    results,
  };
}

export function largeReport(count) {
  const controls = Array.from({ length: count }, (_, index) => control(index));
  return {
    platform: { name: 'debian', release: '12.11', target_id: 'bench-host' },
    profiles: [
      {
        name: 'bench-baseline',
        version: '1.0.0',
        sha256: 'b'.repeat(64),
        title: 'Benchmark hardening baseline',
        maintainer: 'pipeline-actions',
        summary: `${count} controls`,
        license: 'MIT',
        copyright: 'pipeline-actions',
        supports: [{ 'platform-family': 'linux' }],
        attributes: [],
        groups: controls.map((c) => ({ id: c.source_location.ref, controls: [c.id] })),
        status: 'loaded',
        status_message: '',
        depends: [],
        controls,
      },
    ],
    statistics: { duration: 42.5 },
    version: '6.8.24',
  };
}

/** A threshold a baseline like this one meets, in the SAF format. */
export const THRESHOLD_MET = [
  '# What the benchmark report meets: compliance, no critical or high failure,',
  '# bounded errors, skips and not-applicable controls.',
  'compliance:',
  '  min: 85',
  'failed:',
  '  critical: { max: 0 }',
  '  high: { max: 0 }',
  '  total: { max: 250 }',
  'error:',
  '  total: { max: 20 }',
  'skipped:',
  '  total: { max: 200 }',
  'passed:',
  '  total: { min: 4000 }',
  '',
].join('\n');

/** The same with a compliance bound the report misses. */
export const THRESHOLD_MISSED = THRESHOLD_MET.replace('min: 85', 'min: 99');
