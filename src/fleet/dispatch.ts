import { GitHubClient } from '../github/client.js';
import type { FleetApp } from './fleet-file.js';

/**
 * Starts an application's pipeline through GitHub's API: a
 * `workflow_dispatch` of its pipeline starter on the ref the fleet file
 * names. The token must be allowed `actions: write` in
 * every application repository of the fleet (a GitHub App installation
 * token or a fine-grained token; a job's own GITHUB_TOKEN reaches only its
 * own repository).
 */

export interface DispatchOptions {
  token: string;
  /** Default GITHUB_API_URL. */
  apiUrl?: string | undefined;
}

export class FleetDispatcher {
  private readonly clients = new Map<string, GitHubClient>();

  constructor(private readonly options: DispatchOptions) {}

  /** Dispatches the app's workflow with `inputs`; returns the ref it ran on. */
  async dispatch(app: FleetApp, inputs: Readonly<Record<string, string>>): Promise<string> {
    const client = this.client(app.repository);
    const ref = app.ref;
    await client.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      workflow_id: app.workflow,
      ref,
      ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    });
    return ref;
  }

  private client(repository: string): GitHubClient {
    let client = this.clients.get(repository);
    if (!client) {
      client = new GitHubClient({
        token: this.options.token,
        repository,
        apiUrl: this.options.apiUrl,
        permission:
          'actions: write (a token that may start workflows in the application repositories)',
      });
      this.clients.set(repository, client);
    }
    return client;
  }
}
