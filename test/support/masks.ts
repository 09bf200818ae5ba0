import { vi } from 'vitest';

/**
 * The values core.setSecret() asked the runner to mask while `action` ran: the
 * `::add-mask::` workflow commands it wrote on stdout (restored afterwards).
 */
export function masks(action: () => void): string[] {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    action();
    return write.mock.calls
      .map(([text]) => String(text).trim())
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
  } finally {
    write.mockRestore();
  }
}
