import { describe, expect, it } from 'vitest';
import { parseCatalog, type RuntimeImage } from './catalog.js';
import { generateDockerfile, quote } from './dockerfile.js';

const catalog = parseCatalog(
  [
    'apiVersion: pipeline-actions/v1',
    `builders: { node: { image: "r.example.com/std/builder:18@sha256:${'2'.repeat(64)}", toolchains: { nodejs: "18" } } }`,
    `runtimes: { http_html: { image: "r.example.com/std/httpd@sha256:${'1'.repeat(64)}", user: "10001:10001", port: 8080, app_dir: /srv/app } }`,
  ].join('\n'),
  'catalog.yaml',
);
const runtime = catalog.runtimes.http_html as RuntimeImage;

describe('the generated Dockerfile', () => {
  it('puts the artifacts, owned by root, on the runtime image by digest, runs as its non-root user, with labels', () => {
    expect(
      generateDockerfile({
        comment: 'Generated for shop/web 1.0.0.',
        runtime,
        payload: { kind: 'files', dir: 'app' },
        labels: {
          'org.opencontainers.image.version': '1.0.0',
          'org.opencontainers.image.base.name': 'r.example.com/std/httpd',
        },
      }),
    ).toBe(
      [
        '# Generated for shop/web 1.0.0.',
        `FROM r.example.com/std/httpd@sha256:${'1'.repeat(64)}`,
        'COPY --chown=0:0 app/ /srv/app/',
        'WORKDIR /srv/app',
        'USER 10001:10001',
        'EXPOSE 8080',
        'LABEL "org.opencontainers.image.base.name"="r.example.com/std/httpd" \\',
        '      "org.opencontainers.image.version"="1.0.0"',
        '',
      ].join('\n'),
    );
  });

  it('for package: deb, builds and unpacks the package on the builder, then copies the installed tree', () => {
    const text = generateDockerfile({
      comment: 'deb',
      runtime,
      payload: {
        kind: 'deb',
        dir: 'package',
        builder: catalog.builders[0]!.image,
        installDir: '/opt/shop/web',
      },
      labels: {},
    });
    expect(text).toBe(
      [
        '# deb',
        `FROM r.example.com/std/builder@sha256:${'2'.repeat(64)} AS package`,
        'COPY --chown=0:0 package/ /tmp/package/',
        'RUN ["dpkg-deb", "--root-owner-group", "--build", "/tmp/package", "/tmp/app.deb"]',
        'RUN ["dpkg-deb", "--extract", "/tmp/app.deb", "/tmp/rootfs"]',
        '',
        `FROM r.example.com/std/httpd@sha256:${'1'.repeat(64)}`,
        'COPY --from=package --chown=0:0 /tmp/rootfs/ /',
        'WORKDIR /opt/shop/web',
        'USER 10001:10001',
        'EXPOSE 8080',
        '',
      ].join('\n'),
    );
  });

  it('quotes label values so nothing in them is expanded or ends the line', () => {
    expect(quote('a "b" \\ $HOME ${X}\nnext')).toBe('"a \\"b\\" \\\\ \\$HOME \\${X} next"');
  });
});
