import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { postWebhook } from './webhook.js';

/** A Slack-compatible webhook: `{"text": …}` over HTTPS, throttling retried, a revoked URL explained. */

const received: unknown[] = [];
let answers: number[] = [];
const server = createServer(async (request: IncomingMessage, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  response.writeHead(answers.shift() ?? 200, { 'retry-after': '0' }).end('ok');
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks/T0/B0/x`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the webhook', () => {
  it('posts the text, retrying a throttled or failing hook', async () => {
    received.length = 0;
    answers = [503, 429];
    await postWebhook(url, 'Drift in prod: 2 differences');
    expect(received).toEqual(Array(3).fill({ text: 'Drift in prod: 2 differences' }));
  });

  it('explains a refused notification and refuses plain HTTP to another host', async () => {
    answers = [404];
    const error = await postWebhook(url, 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'The webhook at ' + new URL(url).host + ' refused the notification (HTTP 404).',
    );
    await expect(postWebhook('http://hooks.example.com/x', 'x')).rejects.toThrow(
      'The webhook URL must use https',
    );
  });
});
