import type { RuntimeImage } from './catalog.js';
import type { PinnedImage } from './catalog-values.js';

/**
 * The Dockerfile of an application image, generated: the standard runtime
 * image by digest, the artifacts on top (owned by root, so the application
 * cannot change its own code), the runtime's non-root user, port and
 * working directory, and the labels that record how it was made.
 */

export type Payload =
  /** Staged files, copied into the runtime's app directory. */
  | { readonly kind: 'files'; readonly dir: string }
  /** A staged package tree (DEBIAN/control + files), built and unpacked on the builder. */
  | {
      readonly kind: 'deb';
      readonly dir: string;
      readonly builder: PinnedImage;
      readonly installDir: string;
    };

export interface DockerfileSpec {
  readonly comment: string;
  readonly runtime: RuntimeImage;
  readonly payload: Payload;
  readonly labels: Readonly<Record<string, string>>;
}

export function generateDockerfile(spec: DockerfileSpec): string {
  const { runtime, payload } = spec;
  const lines = spec.comment.split('\n').map((line) => `# ${line}`.trimEnd());
  let workdir = runtime.appDir;
  if (payload.kind === 'deb') {
    lines.push(
      `FROM ${payload.builder.pinned} AS package`,
      `COPY --chown=0:0 ${payload.dir}/ /tmp/package/`,
      'RUN ["dpkg-deb", "--root-owner-group", "--build", "/tmp/package", "/tmp/app.deb"]',
      'RUN ["dpkg-deb", "--extract", "/tmp/app.deb", "/tmp/rootfs"]',
      '',
      `FROM ${runtime.image.pinned}`,
      'COPY --from=package --chown=0:0 /tmp/rootfs/ /',
    );
    workdir = payload.installDir;
  } else {
    lines.push(
      `FROM ${runtime.image.pinned}`,
      `COPY --chown=0:0 ${payload.dir}/ ${runtime.appDir}/`,
    );
  }
  lines.push(`WORKDIR ${workdir}`, `USER ${runtime.user}`);
  if (runtime.port !== undefined) lines.push(`EXPOSE ${runtime.port}`);
  const labels = Object.entries(spec.labels).sort(([a], [b]) => (a < b ? -1 : 1));
  if (labels.length > 0) {
    lines.push(
      `LABEL ${labels.map(([key, value]) => `${quote(key)}=${quote(value)}`).join(' \\\n      ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A Dockerfile double-quoted word: backslash, quote and `$` (variable expansion) escaped; one line. */
export function quote(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}
