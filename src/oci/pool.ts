import type { Credentials } from './auth.js';
import { RegistryClient, type PinCheck, type RegistryClientOptions } from './client.js';
import { DOCKER_HUB, parseReference, type ImageReference } from './reference.js';
import { normalizeConfigKey } from './docker-config.js';

/**
 * One RegistryClient per registry host, for callers that meet references on
 * many registries (helm-deploy pinning every image of a release).
 */
export interface RegistryPoolOptions extends Omit<RegistryClientOptions, 'credentials'> {
  /** Credentials by registry host (`ghcr.io`, `127.0.0.1:5443`, `docker.io`). */
  credentials?: Record<string, Credentials> | undefined;
  /** Options for particular hosts (a CA, a scheme), over the shared ones. */
  registries?: Record<string, Omit<RegistryClientOptions, 'credentials'>> | undefined;
}

export class RegistryPool {
  private readonly clients = new Map<string, RegistryClient>();

  constructor(private readonly options: RegistryPoolOptions = {}) {}

  client(registry: string): RegistryClient {
    const key = normalizeConfigKey(registry) === DOCKER_HUB ? DOCKER_HUB : registry.toLowerCase();
    let client = this.clients.get(key);
    if (!client) {
      const { credentials, registries, ...shared } = this.options;
      const own = credentials
        ? Object.entries(credentials).find(([host]) => normalizeConfigKey(host) === key)?.[1]
        : undefined;
      client = new RegistryClient(key, { ...shared, ...registries?.[key], credentials: own });
      this.clients.set(key, client);
    }
    return client;
  }

  /** The digest a reference points to; each reference is asked for once, however many callers. */
  resolveDigest(reference: ImageReference | string): Promise<string> {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    return this.client(ref.registry).resolveDigest(ref);
  }

  /** Whether a pinned reference's registry has its digest (see RegistryClient.checkPinned). */
  checkPinned(reference: ImageReference | string): Promise<PinCheck> {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    return this.client(ref.registry).checkPinned(ref);
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}
