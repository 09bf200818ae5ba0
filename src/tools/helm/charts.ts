import type { LintFinding } from './lint-output.js';

/** What the chart commands (lint, package, push, pull, show, repositories) take and give. */

/** How to reach a registry or repository. */
export interface HelmConnection {
  /** Plain HTTP (a registry without TLS). */
  plainHttp?: boolean;
  /** PEM file of a CA to trust. */
  caFile?: string | undefined;
}

export interface HelmCredentials {
  username: string;
  password: string;
}

export interface SignOptions {
  /** The key's name (a user id, or part of one) in the keyring. */
  key: string;
  /** A binary (non-armoured) secret keyring file. */
  keyring: string;
  /**
   * A file holding the key's passphrase. Not stdin: helm only reads a
   * passphrase from a pipe or file there, and Node gives children a socket.
   */
  passphraseFile?: string | undefined;
}

export interface PushResult {
  /** What helm reports: `host/path/chart:tag`. */
  ref: string;
  digest: string;
}

export interface LintReport {
  ok: boolean;
  findings: LintFinding[];
  /** What helm printed, for the log. */
  output: string;
}

/** The flags that reach a registry or repository as `connection` says. */
export function connect(connection: HelmConnection): string[] {
  return [
    ...(connection.plainHttp ? ['--plain-http'] : []),
    ...(connection.caFile ? ['--ca-file', connection.caFile] : []),
  ];
}
