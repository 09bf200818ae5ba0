import { describe, expect, it } from 'vitest';
import { OutageError, TransientError, UserError } from './errors.js';
import { isTransient, isTransientStatus, parseRetryAfter, retry } from './retry.js';

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('retry', () => {
  it('retries transient failures until success', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 3) throw new TransientError('503');
        return 'ok';
      },
      { sleep, random: () => 1, baseDelayMs: 100 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up after the attempts, with the last error', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    const error = await retry(
      async () => {
        throw new TransientError(`503 #${++calls}`);
      },
      { attempts: 4, sleep },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe('503 #4');
    expect(delays).toHaveLength(3);
  });

  it('given the service, running out of attempts is an outage naming it, with the last cause', async () => {
    const { sleep } = recorder();
    const error = await retry(
      async () => {
        throw new TransientError('HTTP 503');
      },
      {
        attempts: 3,
        sleep,
        service: 'the registry at ghcr.io',
        consequence: 'nothing was published',
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutageError);
    expect((error as Error).message).toMatch(
      /^the registry at ghcr\.io could not be reached after 3 attempts over \d+\.\d s: HTTP 503; nothing was published$/,
    );
    expect((error as Error).cause).toBeInstanceOf(TransientError);
  });

  it('never retries a user error (401, bad input)', async () => {
    let calls = 0;
    await expect(
      retry(async () => {
        calls++;
        throw new UserError('401 Unauthorized');
      }),
    ).rejects.toThrow('401');
    expect(calls).toBe(1);
  });

  it('keeps jittered delays within the exponential ceiling and the cap', async () => {
    const { delays, sleep } = recorder();
    await retry(
      async (attempt) => {
        if (attempt < 8) throw new TransientError('busy');
      },
      { attempts: 8, baseDelayMs: 100, maxDelayMs: 1000, sleep, random: () => 0.5 },
    );
    expect(delays).toEqual([50, 100, 200, 400, 500, 500, 500]);
  });

  it('honours Retry-After, within the cap', async () => {
    const { delays, sleep } = recorder();
    await retry(
      async (attempt) => {
        if (attempt === 1) throw new TransientError('429', { retryAfterMs: 3000 });
        if (attempt === 2) throw new TransientError('429', { retryAfterMs: 120_000 });
      },
      { sleep, random: () => 0, maxDelayMs: 10_000 },
    );
    expect(delays).toEqual([3000, 10_000]);
  });

  it('aborted while it waits: the wait ends at once (its timer cleared), no further attempt, the last failure thrown', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = retry(
      async () => {
        calls++;
        if (calls === 1) queueMicrotask(() => controller.abort());
        throw new TransientError(`refused #${calls}`);
      },
      // A wait no test could sit out: only the abort can end it.
      {
        attempts: 5,
        baseDelayMs: 3_600_000,
        maxDelayMs: 60_000,
        random: () => 1,
        signal: controller.signal,
      },
    );
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).message).toBe('refused #1');
    expect(calls).toBe(1);
  });

  it('aborted before it starts: no attempt at all', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const error = await retry(async () => ++calls, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('AbortError');
    expect(calls).toBe(0);
  });

  it('bounds the attempts even when asked for more', async () => {
    const { delays, sleep } = recorder();
    await retry(
      async () => {
        throw new TransientError('x');
      },
      { attempts: 1000, sleep, baseDelayMs: 0 },
    ).catch(() => undefined);
    expect(delays).toHaveLength(19);
  });
});

describe('what counts as transient', () => {
  it.each([
    [{ code: 'ECONNRESET' }, true],
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: 'ENOENT' }, false],
    [new Error('boom'), false],
  ])('%o → %s', (error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });

  it.each([
    [429, true],
    [503, true],
    [500, true],
    [401, false],
    [403, false],
    [404, false],
  ])('HTTP %d → %s', (status, expected) => {
    expect(isTransientStatus(status)).toBe(expected);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
