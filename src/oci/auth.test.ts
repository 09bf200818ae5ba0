import { describe, expect, test } from 'vitest';
import { TransientError, UserError } from '../errors.js';
import {
  RegistryAuth,
  parseTokenResponse,
  parseWwwAuthenticate,
  pickChallenge,
  repositoryScope,
  type Challenge,
  type TokenFetcher,
} from './auth.js';

describe('parseWwwAuthenticate', () => {
  test.each<[string, Challenge[]]>([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull',
          },
        },
      ],
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    ['basic', [{ scheme: 'basic', params: {} }]],
    [
      // Scope lists hold commas inside quotes; parameters may be spaced and unquoted.
      'Bearer realm = "https://ghcr.io/token" , service=ghcr.io, scope="repository:o/a:pull,push"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:o/a:pull,push',
          },
        },
      ],
    ],
    [
      'Bearer realm="https://r/token",error="insufficient_scope", Basic realm="fallback"',
      [
        { scheme: 'bearer', params: { realm: 'https://r/token', error: 'insufficient_scope' } },
        { scheme: 'basic', params: { realm: 'fallback' } },
      ],
    ],
    ['Basic realm="say \\"hi\\""', [{ scheme: 'basic', params: { realm: 'say "hi"' } }]],
    ['', []],
  ])('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  test('prefers Bearer with a realm over Basic', () => {
    const challenges = parseWwwAuthenticate('Basic realm="x", Bearer realm="https://r/token"');
    expect(pickChallenge(challenges)?.scheme).toBe('bearer');
    expect(pickChallenge(parseWwwAuthenticate('Bearer service="no realm"'))).toBeUndefined();
  });
});

describe('parseTokenResponse', () => {
  test.each([
    ['{"token":"t1","expires_in":300}', 't1', 300],
    ['{"access_token":"t2"}', 't2', 60],
    ['{"token":"","access_token":"t3","expires_in":-5}', 't3', 60],
  ])('%s', (body, token, seconds) => {
    expect(parseTokenResponse(Buffer.from(body), 'r')).toEqual({
      token,
      expiresInSeconds: seconds,
    });
  });

  test('a body without a token is an error', () => {
    expect(() => parseTokenResponse(Buffer.from('{}'), 'r')).toThrow(/without a token/);
    expect(() => parseTokenResponse(Buffer.from('<html>'), 'r')).toThrow(/not JSON/);
  });
});

describe('RegistryAuth', () => {
  const bearer =
    'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:app:pull"';

  function tokenServer(
    answers: { status: number; body: string; headers?: Record<string, string> }[],
  ) {
    const calls: { url: URL; headers: Record<string, string> }[] = [];
    const fetcher: TokenFetcher = async (url, headers) => {
      calls.push({ url, headers });
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      return {
        status: answer.status,
        headers: answer.headers ?? {},
        body: Buffer.from(answer.body),
      };
    };
    return { calls, fetcher };
  }

  test('fetches a token for the scope with basic credentials and caches it until it expires', async () => {
    let now = 1_000_000;
    const server = tokenServer([
      { status: 200, body: '{"token":"first","expires_in":60}' },
      { status: 200, body: '{"access_token":"second","expires_in":60}' },
    ]);
    const auth = new RegistryAuth(
      'registry.example',
      { username: 'ci', password: 'p4ss' },
      server.fetcher,
      () => now,
    );
    const scope = repositoryScope('app', false);
    expect(await auth.authorization(scope)).toBeUndefined();
    expect(auth.challenged(bearer, scope, undefined)).toBe(true);

    expect(await auth.authorization(scope)).toBe('Bearer first');
    expect(await auth.authorization(scope)).toBe('Bearer first');
    expect(server.calls).toHaveLength(1);
    const url = server.calls[0]!.url;
    expect(url.origin + url.pathname).toBe('https://auth.example/token');
    expect(url.searchParams.get('service')).toBe('registry.example');
    expect(url.searchParams.getAll('scope')).toEqual(['repository:app:pull']);
    expect(server.calls[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('ci:p4ss').toString('base64')}`,
    );

    now += 56_000; // within the 5 s margin of expiry
    expect(await auth.authorization(scope)).toBe('Bearer second');
    expect(server.calls).toHaveLength(2);
  });

  test('push and pull scopes get their own tokens; concurrent callers share one fetch', async () => {
    const server = tokenServer([{ status: 200, body: '{"token":"t"}' }]);
    const auth = new RegistryAuth('r', undefined, server.fetcher);
    auth.challenged(bearer, repositoryScope('app', false), undefined);
    await Promise.all([1, 2, 3].map(() => auth.authorization(repositoryScope('app', false))));
    await auth.authorization(repositoryScope('app', true));
    expect(server.calls.map((c) => c.url.searchParams.getAll('scope')[0])).toEqual([
      'repository:app:pull',
      'repository:app:pull,push',
    ]);
    // Anonymous: no Authorization to the token service.
    expect(server.calls[0]!.headers.authorization).toBeUndefined();
  });

  test('a refused token request is a UserError that does not show the password', async () => {
    const server = tokenServer([
      { status: 401, body: '{"errors":[{"code":"UNAUTHORIZED","message":"bad login"}]}' },
    ]);
    const auth = new RegistryAuth(
      'r.example',
      { username: 'ci', password: 'hunter2' },
      server.fetcher,
    );
    const scope = repositoryScope('app', true);
    auth.challenged(bearer, scope, undefined);
    const error = await auth.authorization(scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /token service of registry r\.example .*refused the credentials for repository:app:pull,push \(HTTP 401: UNAUTHORIZED: bad login\)/,
    );
    expect((error as UserError).fix).toMatch(/Check the registry credentials/);
    expect(JSON.stringify(error) + (error as Error).message).not.toContain('hunter2');
  });

  test('a throttled token service is transient, with its Retry-After', async () => {
    const server = tokenServer([{ status: 429, body: '', headers: { 'retry-after': '7' } }]);
    const auth = new RegistryAuth('r', undefined, server.fetcher);
    auth.challenged(bearer, 'repository:app:pull', undefined);
    const error = await auth.authorization('repository:app:pull').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(7000);
  });

  test('passwords are never sent to a plain-HTTP realm off loopback', async () => {
    const server = tokenServer([{ status: 200, body: '{"token":"t"}' }]);
    const auth = new RegistryAuth('r', { username: 'u', password: 'p' }, server.fetcher);
    auth.challenged('Bearer realm="http://auth.example/token"', 'repository:a:pull', undefined);
    await expect(auth.authorization('repository:a:pull')).rejects.toThrow(/over plain HTTP/);
    expect(server.calls).toHaveLength(0);
  });

  test('Basic: credentials go with every request once asked; a refusal after sending them is final', async () => {
    const auth = new RegistryAuth('r', { username: 'u', password: 'p' }, tokenServer([]).fetcher);
    const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
    expect(auth.challenged('Basic realm="r"', 'repository:a:pull', undefined)).toBe(true);
    expect(await auth.authorization('repository:a:pull')).toBe(basic);
    expect(auth.challenged('Basic realm="r"', 'repository:a:pull', basic)).toBe(false);
  });

  test('without credentials a Basic challenge cannot be answered', () => {
    const auth = new RegistryAuth('r', undefined, tokenServer([]).fetcher);
    expect(auth.challenged('Basic realm="r"', 'repository:a:pull', undefined)).toBe(false);
  });

  test('a ready token is sent as it is', async () => {
    const auth = new RegistryAuth('r', { token: 'abc' }, tokenServer([]).fetcher);
    expect(await auth.authorization('repository:a:pull')).toBe('Bearer abc');
    expect(auth.challenged(bearer, 'repository:a:pull', 'Bearer abc')).toBe(false);
  });
});
