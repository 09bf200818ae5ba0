import { describe, expect, it } from 'vitest';
import { redactReport, REDACTED, sensitiveInputValues } from './redact.js';
import type { RawReport } from './report.js';

const report: RawReport = {
  profiles: [
    {
      name: 'p',
      attributes: [
        { name: 'db_password', options: { value: 'hunter2-x' } },
        { name: 'pin', options: { value: '42' } },
        { name: 'api_key', options: { value: 'from-profile', sensitive: true } },
        { name: 'region', options: { value: 'eu-west-1' } },
      ],
      controls: [
        {
          id: 'db-01',
          impact: 0.9,
          results: [
            {
              status: 'failed',
              code_desc: 'pin 42 is set',
              message: 'got "hunter2-x" from the vault',
            },
          ],
        },
      ],
    },
  ],
};

describe('redacting a report', () => {
  const redacted = redactReport(report, {
    inputNames: new Set(['db_password', 'pin']),
    values: ['hunter2-x', '42'],
  });

  it("replaces sensitive inputs by name or by the profile's sensitive flag, whatever their length", () => {
    expect(redacted.profiles[0]?.attributes?.map((a) => [a.name, a.options?.value])).toEqual([
      ['db_password', REDACTED],
      ['pin', REDACTED],
      ['api_key', REDACTED],
      ['region', 'eu-west-1'],
    ]);
  });

  it('cuts secret values out of every text, but not values too short to cut safely', () => {
    expect(redacted.profiles[0]?.controls[0]?.results[0]).toMatchObject({
      message: 'got "***" from the vault',
      code_desc: 'pin 42 is set',
    });
  });

  it('finds the values of sensitive inputs the profile itself set, to mask and cut them too', () => {
    expect(sensitiveInputValues(report, new Set(['db_password']))).toEqual([
      'hunter2-x',
      'from-profile',
    ]);
    expect(sensitiveInputValues(redacted, new Set(['db_password']))).toEqual([]);
  });

  it('treats an input named like a secret as sensitive, listed or not (the one list of src/report/redact.ts)', () => {
    const named: RawReport = {
      profiles: [
        {
          name: 'p',
          attributes: [{ name: 'admin_token', options: { value: 'tok-12345' } }],
          controls: [],
        },
      ],
    };
    expect(sensitiveInputValues(named, new Set())).toEqual(['tok-12345']);
    expect(
      redactReport(named, { inputNames: new Set(), values: [] }).profiles[0]?.attributes?.[0]
        ?.options?.value,
    ).toBe(REDACTED);
  });

  it('leaves the original untouched', () => {
    expect(report.profiles[0]?.attributes?.[0]?.options?.value).toBe('hunter2-x');
  });
});
