import { TransientError, UserError } from '../errors.js';
import { isTransientStatus, parseRetryAfter, retry } from '../retry.js';

/**
 * A notification to a Slack-compatible incoming webhook (Slack, Mattermost,
 * Rocket.Chat, Teams workflows accept `{"text": …}`). The URL is a secret;
 * it only goes over HTTPS (plain HTTP to this machine, for tests). Throttling
 * and server errors are retried a few times.
 */

export interface WebhookOptions {
  timeoutMs?: number;
  attempts?: number;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
const MAX_TEXT_CHARS = 3000;

export async function postWebhook(
  url: string,
  text: string,
  options: WebhookOptions = {},
): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new UserError('The webhook URL is not a URL.', {
      fix: 'pass the incoming-webhook URL your chat tool gave you.',
    });
  }
  if (
    target.protocol !== 'https:' &&
    !(target.protocol === 'http:' && LOOPBACK.test(target.hostname))
  ) {
    throw new UserError(
      `The webhook URL must use https (it is ${target.protocol}//${target.host}).`,
      {
        fix: 'use the https:// URL of the incoming webhook.',
      },
    );
  }
  const body = JSON.stringify({
    text: text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS - 1)}…` : text,
  });
  await retry(
    async () => {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (response.ok) return;
      const wait = parseRetryAfter(response.headers.get('retry-after'));
      if (isTransientStatus(response.status)) {
        throw new TransientError(
          `the webhook answered ${response.status}`,
          wait === undefined ? {} : { retryAfterMs: wait },
        );
      }
      throw new UserError(
        `The webhook at ${target.host} refused the notification (HTTP ${response.status}).`,
        {
          fix: 'check that the webhook URL is current (chat tools revoke old ones).',
        },
      );
    },
    { attempts: options.attempts ?? 3, baseDelayMs: 500, maxDelayMs: 5000 },
  );
}
