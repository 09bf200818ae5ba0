import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/inspec/reports.js';
import { compareRuns } from './compare.js';
import { collectControls, type Control } from './controls.js';
import { evaluateGate } from './gate.js';
import { renderInfrastructureSummary, renderSummary } from './summary.js';
import { parseThreshold } from './threshold.js';
import { waiverNotes } from './waivers.js';

function view(controls: Control[], threshold = 'failed: {total: {max: 0}}') {
  const report = referenceReport('rhel8_sample_oneOfEachControlStatus.json');
  return {
    tool: 'CINC Auditor 6.8.24',
    target: 'docker://web',
    profiles: report.profiles,
    thresholdSource: 'compliance/threshold.yml',
    gate: evaluateGate(parseThreshold(threshold, 'compliance/threshold.yml'), controls),
    controls,
    waivers: waiverNotes(controls, new Date('2025-01-01')),
    comparison: undefined,
    notSelected: 0,
  };
}

describe('the job summary', () => {
  const { controls } = collectControls(referenceReport('rhel8_sample_oneOfEachControlStatus.json'));

  it('shows the verdict, counts by status and severity, violations and failing controls with their messages', () => {
    const text = renderSummary(view(controls));
    expect(text).toContain('## ❌ Compliance gate failed: 33% compliant');
    expect(text).toContain(
      'CINC Auditor 6.8.24 · target `docker://web` · profile `redhat-enterprise-linux-8-stig-baseline` 1.13.0 · thresholds from compliance/threshold.yml',
    );
    expect(text).toContain('| Status | critical | high | medium | low | none | total |');
    expect(text).toContain('| passed | 0 | 1 | 0 | 0 | 0 | 1 |');
    expect(text).toContain('| not applicable (impact 0 or waived) | 0 | 1 | 0 | 0 | 0 | 1 |');
    expect(text).toContain('| **all** | 0 | 2 | 2 | 0 | 0 | 4 |');
    expect(text).toContain(
      '- `failed.total.max` (compliance/threshold.yml:1:18): 1 control failed; at most 0 allowed: SV-230222.',
    );
    expect(text).toContain(
      '| SV-230222 | medium | failed | RHEL 8 vendor packaged system security patches and updates must be installed and up to date. | List of out-of-date packages is expected to be empty: expected `["libsemanage"].empty?` to be truthy, got false<br>System Package libsemanage',
    );
  });

  it("caps long lists so the summary stays far below GitHub's 1 MiB", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...controls[1]!, id: `C-${i}` }));
    const text = renderSummary(view(many));
    expect(text).toContain('### Failing controls (5000)');
    expect(text).toContain('… and 4900 more in the JSON report.');
    expect(Buffer.byteLength(text)).toBeLessThan(200_000);
  });

  it('shows what changed since the previous report', () => {
    const previous = controls.map((c) =>
      c.id === 'SV-230221' ? { ...c, status: 'failed' as const } : c,
    );
    const text = renderSummary({ ...view(controls), comparison: compareRuns(controls, previous) });
    expect(text).toContain(
      '### Compared with the previous report\n\n- **0 new failures**\n- **1 fixed**: `SV-230221`\n- 1 still failing',
    );
  });

  it('says when compliance was not evaluated, and why', () => {
    expect(
      renderInfrastructureSummary(
        'Chef InSpec',
        'local',
        'Infrastructure failure, …: licence',
        'set license-key',
      ),
    ).toBe(
      '## ⚠️ Compliance was not evaluated\n\nChef InSpec · target `local`\n\nInfrastructure failure, …: licence\n\n**How to fix:** set license-key\n',
    );
  });
});
