import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory, in bytes. On Linux it is VmHWM of
 * /proc/self/status, which belongs to this process image alone: getrusage's
 * maxRSS keeps the peak of the process it was forked from across exec, so a
 * step started by a big runner process would report the runner's. Elsewhere,
 * maxRSS.
 */
export function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // no procfs: not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
