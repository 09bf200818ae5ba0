import { describe, expect, it } from 'vitest';
import type { Control } from './controls.js';
import { waiverNotes } from './waivers.js';

function waived(id: string, expiration_date?: string, skipped = true): Control {
  return {
    id,
    title: id,
    profile: 'p',
    impact: 0.5,
    severity: 'medium',
    status: skipped ? 'not_applicable' : 'failed',
    results: [],
    waiver: {
      justification: `because ${id}`,
      run: !skipped,
      skipped_due_to_waiver: skipped,
      expiration_date,
    },
    source: undefined,
  };
}

describe('waivers', () => {
  const now = new Date('2025-06-20T15:30:00Z');
  const notes = waiverNotes(
    [
      waived('today', '2025-06-20'),
      waived('two-weeks', '2025-07-04'),
      waived('fifteen-days', '2025-07-05'),
      waived('lapsed', '2025-06-19', false),
      waived('forever'),
      { ...waived('none'), waiver: undefined },
    ],
    now,
  );

  it('lists every waived control with its justification, expiry and days left', () => {
    expect(
      notes.map((n) => [
        n.control.id,
        n.justification,
        n.expirationDate,
        n.daysLeft,
        n.state,
        n.skipped,
      ]),
    ).toEqual([
      ['today', 'because today', '2025-06-20', 0, 'expiring', true],
      ['two-weeks', 'because two-weeks', '2025-07-04', 14, 'expiring', true],
      ['fifteen-days', 'because fifteen-days', '2025-07-05', 15, 'active', true],
      // InSpec honours a waiver through its date; the day after it runs the control again.
      ['lapsed', 'because lapsed', '2025-06-19', -1, 'expired', false],
      ['forever', 'because forever', undefined, undefined, 'no-expiry', true],
    ]);
  });
});
