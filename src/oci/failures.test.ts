import { describe, expect, test } from 'vitest';
import { TransientError, UserError } from '../errors.js';
import { retry } from '../retry.js';
import {
  isPlainHttpAnswer,
  networkFailure,
  registryErrorSummary,
  statusFailure,
} from './failures.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('Retry-After on throttled and failing registries', () => {
  test.each<[number, string | undefined, number | undefined]>([
    [429, '3', 3000],
    [503, 'Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    [503, 'Wed, 31 Dec 2025 23:59:00 GMT', 0], // a date in the past: go now
    [502, 'soon', undefined],
    [500, undefined, undefined],
  ])('HTTP %i with Retry-After %j waits %j ms', (status, retryAfter, expected) => {
    const error = statusFailure(
      { registry: 'r', method: 'GET', path: '/v2/a/tags/list', status, retryAfter },
      NOW,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(expected);
  });

  test('retry() waits as long as the registry asked (within its cap)', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 3) {
          throw statusFailure(
            { registry: 'r', method: 'GET', path: '/v2/', status: 429, retryAfter: '2' },
            NOW,
          );
        }
        return 'ok';
      },
      { attempts: 5, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms), random: () => 0 },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([2000, 2000]);
  });

  test.each([400, 404, 405, 413])('HTTP %i is final, not retried', (status) => {
    const error = statusFailure({
      registry: 'r',
      method: 'PUT',
      path: '/v2/a/manifests/1',
      status,
    });
    expect(error).not.toBeInstanceOf(TransientError);
    expect(error.message).toBe(`Registry r answered HTTP ${status} to PUT /v2/a/manifests/1`);
  });
});

describe('registryErrorSummary', () => {
  test('joins the registry error codes and messages', () => {
    const body = Buffer.from(
      JSON.stringify({
        errors: [
          { code: 'MANIFEST_INVALID', message: 'manifest invalid', detail: {} },
          { code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' },
        ],
      }),
    );
    expect(registryErrorSummary(body, ': ')).toBe(
      ': MANIFEST_INVALID: manifest invalid; BLOB_UNKNOWN: blob unknown to registry',
    );
  });

  test('keeps plain text, on one line, truncated', () => {
    expect(registryErrorSummary(Buffer.from('<h1>Bad\n gateway</h1>'))).toBe(
      '<h1>Bad gateway</h1>',
    );
    const long = registryErrorSummary(Buffer.from('x'.repeat(1000)));
    expect(long).toHaveLength(301);
    expect(long.endsWith('…')).toBe(true);
    expect(registryErrorSummary(Buffer.alloc(0), ': ')).toBe('');
  });
});

describe('networkFailure', () => {
  const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });

  test('an untrusted certificate says to pass the CA', () => {
    const error = networkFailure(
      withCode(
        'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        'unable to verify the first certificate; if the root CA is installed locally, try running Node.js with --use-system-ca',
      ),
      '127.0.0.1:5443',
      false,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'TLS verification of registry 127.0.0.1:5443 failed: unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE). Its certificate is not signed by a trusted CA.',
    );
    expect((error as UserError).fix).toMatch(/Pass the registry's CA certificate/);
    expect(
      (networkFailure(withCode('SELF_SIGNED_CERT_IN_CHAIN', 'x'), 'r', true) as UserError).fix,
    ).toMatch(/did not sign/);
  });

  test('dropped connections are transient; unknown hosts are the user’s to fix', () => {
    expect(networkFailure(withCode('ECONNRESET', 'read ECONNRESET'), 'r', false)).toBeInstanceOf(
      TransientError,
    );
    expect(
      networkFailure(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND x'), 'x', false),
    ).toBeInstanceOf(UserError);
  });

  test('recognises a plain-HTTP server answering a TLS hello', () => {
    const error = withCode(
      'EPROTO',
      'write EPROTO C03C49E0BF7F0000:error:0A0000C6:SSL routines:tls_get_more_records:packet length too long',
    );
    expect(isPlainHttpAnswer(error)).toBe(true);
    expect(isPlainHttpAnswer(withCode('ECONNRESET', 'socket hang up'))).toBe(false);
  });
});
