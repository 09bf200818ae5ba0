import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The application key: an app's name (application.name of its
 * default.json) and the directory of that default.json in the repository
 * ("." at the root). A repository may hold several apps, two of them even
 * with the same name in different directories; the key tells them apart
 * everywhere an app is named: in the deploy record helm-deploy writes, in
 * drift-check's choice of the releases that are this app's, and in the
 * drift issue kept per app and environment.
 */
export interface AppKey {
  name: string;
  /** Relative to the repository root, `/`-separated; `.` at the root. */
  dir: string;
}

/** The key of the app whose default.json is `manifestPath` (as given: relative to the workspace, or absolute). */
export function appKey(name: string, workspace: string, manifestPath: string): AppKey {
  const file = isAbsolute(manifestPath) ? manifestPath : resolve(workspace, manifestPath);
  return { name, dir: relative(workspace, dirname(file)).split(sep).join('/') || '.' };
}

/**
 * The key as one string, for issue markers and titles: the name for an app
 * at the root (as before apps had directories), `dir/name` elsewhere (a
 * name is a DNS label, so no `/` makes two keys look alike).
 */
export function appKeyText(key: AppKey): string {
  return key.dir === '.' ? key.name : `${key.dir}/${key.name}`;
}
