import { UserError } from '../errors.js';
import { isLoopbackHost } from '../http/proxy.js';
import { HttpTransport, transientStatus } from '../http/transport.js';
import { retry } from '../retry.js';

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

const MAX_TEXT_CHARS = 3000;
/** A webhook answers `ok` or the like; nothing larger is read. */
const ANSWER_MAX_BYTES = 64 * 1024;

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
    !(target.protocol === 'http:' && isLoopbackHost(target.hostname))
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
  const transport = new HttpTransport({
    userAgent: 'pipeline-actions',
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  try {
    await retry(
      async () => {
        const response = await transport.request({
          method: 'POST',
          url: target,
          headers: { 'content-type': 'application/json' },
          body,
          maxBodyBytes: ANSWER_MAX_BYTES,
        });
        if (response.status >= 200 && response.status < 300) return;
        const transient = transientStatus(response, `the webhook answered ${response.status}`);
        if (transient) throw transient;
        // Redirects are not followed: the URL is a secret and goes nowhere else.
        throw new UserError(
          `The webhook at ${target.host} refused the notification (HTTP ${response.status}).`,
          {
            fix: 'check that the webhook URL is current (chat tools revoke old ones).',
          },
        );
      },
      { attempts: options.attempts ?? 3, baseDelayMs: 500, maxDelayMs: 5000 },
    );
  } finally {
    transport.close();
  }
}
