import { failureMessages, type Control } from './controls.js';

export interface JUnitOptions {
  name: string;
  timestamp: Date;
}

/**
 * JUnit XML, one test suite per profile and one test case per control:
 * failed → <failure>, error or no results → <error>, not applicable or
 * skipped → <skipped>, with the severity in the case's properties (InSpec's
 * own junit2 reporter has none).
 */
export function toJUnit(controls: readonly Control[], options: JUnitOptions): string {
  const suites = new Map<string, Control[]>();
  for (const control of controls) {
    const suite = suites.get(control.profile);
    if (suite) suite.push(control);
    else suites.set(control.profile, [control]);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = tally(controls);
  lines.push(
    `<testsuites name="${xml(options.name)}" tests="${controls.length}" failures="${all.failures}" errors="${all.errors}" skipped="${all.skipped}" time="${seconds(controls)}">`,
  );
  for (const [profile, members] of suites) {
    const counts = tally(members);
    lines.push(
      `  <testsuite name="${xml(profile)}" tests="${members.length}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds(members)}" timestamp="${options.timestamp.toISOString().replace(/\.\d+Z$/, '')}">`,
    );
    for (const control of members) lines.push(...testCase(control));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function testCase(control: Control): string[] {
  const name = control.title ? `${control.id}: ${control.title}` : control.id;
  const open = `    <testcase classname="${xml(control.profile)}" name="${xml(name)}" time="${seconds([control])}">`;
  const properties = `      <properties><property name="severity" value="${control.severity}"/><property name="impact" value="${control.impact}"/></properties>`;
  const detail = failureMessages(control).join('\n');
  const body: string[] = [];
  switch (control.status) {
    case 'failed':
      body.push(
        `      <failure message="${xml(firstLine(detail))}" type="failed">${xml(detail)}</failure>`,
      );
      break;
    case 'error':
    case 'profile_error':
      body.push(
        `      <error message="${xml(firstLine(detail))}" type="${control.status}">${xml(detail)}</error>`,
      );
      break;
    case 'not_applicable':
    case 'not_reviewed': {
      const reason = control.results.find((r) => r.skip_message)?.skip_message ?? control.status;
      body.push(`      <skipped message="${xml(reason)}"/>`);
      break;
    }
    case 'passed':
      break;
  }
  return [open, properties, ...body, '    </testcase>'];
}

function tally(controls: readonly Control[]) {
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const c of controls) {
    if (c.status === 'failed') failures++;
    else if (c.status === 'error' || c.status === 'profile_error') errors++;
    else if (c.status === 'not_applicable' || c.status === 'not_reviewed') skipped++;
  }
  return { failures, errors, skipped };
}

function seconds(controls: readonly Control[]): string {
  let total = 0;
  for (const c of controls) for (const r of c.results) total += r.run_time ?? 0;
  return total.toFixed(6);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? '';
}

/** Escapes for attributes and text, and drops characters XML 1.0 forbids (ANSI escapes, NUL). */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
