import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** A file the user named in an input; unreadable is their error, said with the input to fix. */
export async function readNamedFile(
  path: string,
  display: string,
  what: string,
  fix: string,
): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`The ${what} ${display} cannot be read: ${(error as Error).message}`, {
      fix,
      location: { file: display },
      cause: error,
    });
  }
}
