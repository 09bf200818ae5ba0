import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Helm's private configuration, cache and data directories, removed by dispose(). */
export class HelmHome {
  readonly registryConfig: string;
  readonly repositoryConfig: string;
  readonly repositoryCache: string;

  private constructor(readonly root: string) {
    for (const dir of ['config', 'cache', 'data', 'config/registry']) {
      mkdirSync(join(root, dir), { recursive: true, mode: 0o700 });
    }
    this.registryConfig = join(root, 'config', 'registry', 'config.json');
    this.repositoryConfig = join(root, 'config', 'repositories.yaml');
    this.repositoryCache = join(root, 'cache', 'repository');
  }

  static create(prefix = 'helm-'): HelmHome {
    const base = process.env.RUNNER_TEMP || tmpdir();
    mkdirSync(base, { recursive: true });
    return new HelmHome(mkdtempSync(join(base, prefix)));
  }

  /** Every helm directory points here (plugins, content cache and the rest included). */
  env(): Record<string, string> {
    return {
      HELM_CONFIG_HOME: join(this.root, 'config'),
      HELM_CACHE_HOME: join(this.root, 'cache'),
      HELM_DATA_HOME: join(this.root, 'data'),
      HELM_REGISTRY_CONFIG: this.registryConfig,
      HELM_REPOSITORY_CONFIG: this.repositoryConfig,
      HELM_REPOSITORY_CACHE: this.repositoryCache,
    };
  }

  /** The same, as the global flags every helm command takes. */
  globalArgs(): string[] {
    return [
      '--registry-config',
      this.registryConfig,
      '--repository-config',
      this.repositoryConfig,
      '--repository-cache',
      this.repositoryCache,
    ];
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
