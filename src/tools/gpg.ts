import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { Tool } from './tool.js';

/**
 * GnuPG, for what helm's signing needs and no more: reading an armoured
 * private key's user id, and turning it into the binary keyring helm reads
 * (`helm package --sign --keyring`). It runs in a private GNUPGHOME under
 * RUNNER_TEMP, removed by dispose(), so the user's own keyrings are never
 * touched and the key never outlives the step.
 */

export interface KeyInfo {
  /** The first user id, `Name <email>`: what helm's --key matches. */
  userId: string;
  fingerprint: string;
}

export class Gpg extends Tool {
  private constructor(readonly home: string) {
    super('gpg', { GNUPGHOME: home });
  }

  static create(): Gpg {
    const base = process.env.RUNNER_TEMP || tmpdir();
    mkdirSync(base, { recursive: true });
    const home = mkdtempSync(join(base, 'gnupg-'));
    return new Gpg(home);
  }

  /** The key's user id and fingerprint, read without importing it anywhere. */
  async inspectPrivateKey(armored: string, input = 'sign-key'): Promise<KeyInfo> {
    const result = await this.execute(
      ['--batch', '--with-colons', '--import-options', 'show-only', '--import'],
      { input: armored, silent: true, timeoutMs: 60_000 },
    );
    const records = result.stdout.split('\n').map((line) => line.split(':'));
    const hasSecret = records.some((fields) => fields[0] === 'sec');
    const hasPublic = records.some((fields) => fields[0] === 'pub');
    if (result.exitCode !== 0 || (!hasSecret && !hasPublic)) {
      throw new UserError(`Input "${input}" is not an OpenPGP key gpg can read.`, {
        fix: 'pass the ASCII-armoured private key (gpg --armor --export-secret-keys <id>), from a secret.',
      });
    }
    if (!hasSecret) {
      throw new UserError(`Input "${input}" holds a public key; signing needs the private key.`, {
        fix: 'export it with gpg --armor --export-secret-keys <id> and store that in the secret.',
      });
    }
    const uid = records.find((fields) => fields[0] === 'uid')?.[9];
    const fingerprint = records.find((fields) => fields[0] === 'fpr')?.[9] ?? '';
    if (!uid) {
      throw new UserError(
        `The key in input "${input}" has no user id, which helm needs to find it.`,
        {
          fix: 'add a user id to the key (gpg --quick-add-uid) and export it again.',
        },
      );
    }
    return { userId: unescapeColons(uid), fingerprint };
  }

  /** Writes the key as a binary keyring file (what helm's openpgp reader takes). */
  async writeKeyring(armored: string, file: string): Promise<void> {
    await this.executeChecked(['--batch', '--yes', '--dearmor', '--output', file], {
      input: armored,
      silent: true,
      timeoutMs: 60_000,
    });
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** gpg --with-colons escapes `:` and other bytes as `\xNN`. */
function unescapeColons(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
