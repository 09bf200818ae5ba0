import { isLoopbackHost } from '../http/proxy.js';
import { isPlainHttpAnswer } from './failures.js';

/** `auto` (the default): https, except a loopback registry found to answer in plain HTTP. */
export type Scheme = 'https' | 'http' | 'auto';

/**
 * Which scheme a registry is spoken to in. `https` and `http` are fixed;
 * `auto` is https, except that a loopback registry (127.0.0.1, localhost,
 * ::1) whose https attempt meets a plain-HTTP answer is spoken to in plain
 * HTTP from then on, as docker does for localhost registries.
 */
export class RegistryScheme {
  /** Decided scheme; undefined while `auto` has not yet learned it. */
  private scheme: 'https' | 'http' | undefined;
  private readonly loopbackFallback: boolean;

  constructor(
    private readonly host: string,
    requested: Scheme = 'auto',
  ) {
    this.scheme = requested === 'auto' ? undefined : requested;
    this.loopbackFallback =
      requested === 'auto' && isLoopbackHost(new URL(`http://${host}`).hostname);
    if (requested === 'auto' && !this.loopbackFallback) this.scheme = 'https';
  }

  /** `https://host` (or `http://host` once learned or asked for). */
  baseUrl(): string {
    return `${this.scheme ?? 'https'}://${this.host}`;
  }

  /** An https exchange got an answer: the registry speaks TLS. */
  answered(url: URL): void {
    if (this.scheme === undefined && url.protocol === 'https:') this.scheme = 'https';
  }

  /**
   * Whether a failed https exchange should be tried again in plain HTTP, and
   * from now on every other one. Every request that went out over https
   * before the scheme was learned falls back, not only the first: concurrent
   * first lookups all meet this.
   */
  fallsBack(url: URL, error: unknown): boolean {
    const learning = this.scheme === undefined || this.scheme === 'http';
    if (!learning || url.protocol !== 'https:' || !this.loopbackFallback) return false;
    if (!isPlainHttpAnswer(error)) return false;
    return true;
  }

  /** Switches to plain HTTP; true the first time (worth a log line). */
  useHttp(): boolean {
    const first = this.scheme === undefined;
    this.scheme = 'http';
    return first;
  }
}
