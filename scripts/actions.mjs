// The list of actions, shared by the build, docs and check scripts.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

export function actionNames() {
  return readdirSync(join(ROOT, 'actions'), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(ROOT, 'actions', entry.name, 'action.yml')),
    )
    .map((entry) => entry.name)
    .sort();
}
