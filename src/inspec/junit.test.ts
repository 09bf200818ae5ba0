import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { heimdallSample, referenceReport } from '../../test/fixtures/inspec/reports.js';
import { collectControls } from './controls.js';
import { toJUnit, xml } from './junit.js';

const timestamp = new Date('2025-05-12T09:14:03.512Z');

describe('JUnit XML', () => {
  it('one case per control: failures, skips, with severity properties', () => {
    const { controls } = collectControls(
      referenceReport('rhel8_sample_oneOfEachControlStatus.json'),
    );
    const text = toJUnit(controls, { name: 'inspec-verify', timestamp });
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain(
      '<testsuites name="inspec-verify" tests="4" failures="1" errors="0" skipped="2"',
    );
    expect(text).toContain('timestamp="2025-05-12T09:14:03"');
    expect(text.match(/<testcase /g)).toHaveLength(4);
    expect(text).toContain('<property name="severity" value="medium"/>');
    expect(text).toContain(
      '<skipped message="Skipped control due to only_if condition: This requirement is Not Applicable inside a container',
    );
  });

  it('stays well-formed on a large real report with arbitrary messages, one suite per profile', () => {
    const { controls } = collectControls(heimdallSample('wrapper-acme-run.json'));
    const text = toJUnit(controls, { name: 'acme', timestamp });
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text.match(/<testsuite /g)).toHaveLength(2);
  });

  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(xml('a < b && "c" \u001b[31mred\u001b[0m \u0000')).toBe(
      'a &lt; b &amp;&amp; &quot;c&quot; [31mred[0m ',
    );
  });
});
