import type { Control } from './controls.js';

/** A waiver expiring within this many days is warned about. */
export const WAIVER_WARNING_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export type WaiverState = 'active' | 'expiring' | 'expired' | 'no-expiry';

export interface WaiverNote {
  control: Control;
  justification: string;
  expirationDate: string | undefined;
  /** Whole days until the waiver lapses (0: its last day is today), when it has a date. */
  daysLeft: number | undefined;
  state: WaiverState;
  /** true when InSpec skipped the control because of it (`run: false`). */
  skipped: boolean;
}

/**
 * Every waived control with its justification and expiry. InSpec honours a
 * waiver through its expiration date and runs the control normally after it,
 * so an expired waiver is shown too: the control is back to counting.
 */
export function waiverNotes(controls: readonly Control[], now: Date): WaiverNote[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const notes: WaiverNote[] = [];
  for (const control of controls) {
    const waiver = control.waiver;
    if (!waiver) continue;
    const expires = parseDay(waiver.expiration_date);
    const daysLeft = expires === undefined ? undefined : Math.round((expires - today) / DAY_MS);
    notes.push({
      control,
      justification: waiver.justification?.trim() || '(no justification given)',
      expirationDate: waiver.expiration_date,
      daysLeft,
      state: stateOf(daysLeft),
      skipped: waiver.skipped_due_to_waiver === true,
    });
  }
  return notes;
}

function stateOf(daysLeft: number | undefined): WaiverState {
  if (daysLeft === undefined) return 'no-expiry';
  if (daysLeft < 0) return 'expired';
  return daysLeft <= WAIVER_WARNING_DAYS ? 'expiring' : 'active';
}

/** `2025-06-30` (InSpec's waiver files) or a full timestamp, as a UTC day. */
function parseDay(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
