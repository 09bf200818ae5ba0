import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCKFILE_PROPERTY, SBOM_MEDIA_TYPE, containerPurl, sbomDocument } from './document.js';
import { readLockfiles } from './lockfiles.js';
import type { ImageSystem } from '../policy/packages.js';
import { FACTS_PROPERTY, FACTS_VERSION, SBOM_TOOL_NAME, systemFromSbom } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-sbom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(tree: Record<string, string>): string[] {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return Object.keys(tree).sort();
}

const NPM_LOCK = JSON.stringify({
  name: 'web',
  lockfileVersion: 3,
  packages: {
    '': { name: 'web', version: '1.0.0' },
    'node_modules/express': { version: '4.21.2' },
    'node_modules/@types/node': { version: '24.1.0', dev: true },
    'node_modules/express/node_modules/debug': { version: '2.6.9' },
    'packages/lib': { name: 'lib', version: '0.1.0' },
    'node_modules/lib': { resolved: 'packages/lib', link: true },
  },
});

const GO_MOD = `module example.com/api

go 1.26

require github.com/google/uuid v1.6.0

require (
	golang.org/x/text v0.21.0 // indirect
	example.com/forked v1.0.0
	example.com/local v0.0.0
)

replace example.com/forked => github.com/someone/forked v1.0.1
replace example.com/local => ./local
`;

const POETRY = `[[package]]
name = "Flask"
version = "3.1.0"
description = "x"
groups = ["main"]

[package.dependencies]
click = ">=8.1.3"

[[package]]
name = "pytest"
version = "8.3.4"
groups = ["dev"]

[metadata]
lock-version = "2.1"
`;

describe('language dependencies from lock files', () => {
  it('reads npm, Go, Python and Gradle lock files, skipping vendored trees', async () => {
    const listed = files({
      'web/package-lock.json': NPM_LOCK,
      'web/node_modules/x/package-lock.json': '{}',
      'api/go.mod': GO_MOD,
      'api/go.sum': 'github.com/google/uuid v1.6.0 h1:x=\n',
      'py/requirements.txt':
        '# pins\nsix==1.16.0\nRequests[socks] >= 2.31 ; python_version > "3"\n-r other.txt\nZope.Interface==7.2 \\\n  --hash=sha256:abc\n',
      'py/poetry.lock': POETRY,
      'py/Pipfile.lock': JSON.stringify({
        default: { idna: { version: '==3.10' } },
        develop: { black: { version: '==24.10.0' } },
      }),
      'jvm/gradle.lockfile':
        '# Gradle lock\ncom.google.code.gson:gson:2.11.0=compileClasspath,runtimeClasspath\njunit:junit:4.13.2=testCompileClasspath\nempty=\n',
      'README.md': '# not a lock file',
    });
    const result = await readLockfiles(dir, listed);
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual([
      'api/go.mod',
      'jvm/gradle.lockfile',
      'py/Pipfile.lock',
      'py/poetry.lock',
      'py/requirements.txt',
      'web/package-lock.json',
    ]);
    expect(result.dependencies.map((d) => [d.purl, d.development, d.file])).toEqual([
      ['pkg:golang/github.com/google/uuid@v1.6.0', false, 'api/go.mod'],
      ['pkg:golang/golang.org/x/text@v0.21.0', false, 'api/go.mod'],
      ['pkg:golang/github.com/someone/forked@v1.0.1', false, 'api/go.mod'],
      ['pkg:golang/example.com/local', false, 'api/go.mod'],
      ['pkg:maven/com.google.code.gson/gson@2.11.0', false, 'jvm/gradle.lockfile'],
      ['pkg:maven/junit/junit@4.13.2', true, 'jvm/gradle.lockfile'],
      ['pkg:pypi/idna@3.10', false, 'py/Pipfile.lock'],
      ['pkg:pypi/black@24.10.0', true, 'py/Pipfile.lock'],
      ['pkg:pypi/flask@3.1.0', false, 'py/poetry.lock'],
      ['pkg:pypi/pytest@8.3.4', true, 'py/poetry.lock'],
      ['pkg:pypi/six@1.16.0', false, 'py/requirements.txt'],
      ['pkg:pypi/requests', false, 'py/requirements.txt'],
      ['pkg:pypi/zope-interface@7.2', false, 'py/requirements.txt'],
      ['pkg:npm/express@4.21.2', false, 'web/package-lock.json'],
      ['pkg:npm/%40types/node@24.1.0', true, 'web/package-lock.json'],
      ['pkg:npm/debug@2.6.9', false, 'web/package-lock.json'],
    ]);
  });

  it('reads the direct dependencies of Maven and Gradle builds without a lock file', async () => {
    const pom = `<project>
  <groupId>demo</groupId><artifactId>api</artifactId><version>2.0.0</version>
  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>9</version></parent>
  <properties><jackson.version>2.18.2</jackson.version></properties>
  <dependencyManagement><dependencies><dependency>
    <groupId>managed</groupId><artifactId>only</artifactId><version>1</version>
  </dependency></dependencies></dependencyManagement>
  <dependencies>
    <!-- <dependency><groupId>commented</groupId><artifactId>out</artifactId></dependency> -->
    <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>2.11.0</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-core</artifactId><version>\${jackson.version}</version></dependency>
    <dependency><groupId>demo</groupId><artifactId>common</artifactId><version>\${project.version}</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>
    <dependency><groupId>org.bom</groupId><artifactId>managed-version</artifactId></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.1</version></plugin></plugins></build>
</project>`;
    const gradle = `dependencies {
  implementation 'com.google.code.gson:gson:2.11.0'
  compile "org.slf4j:slf4j-api:\${slf4jVersion}"
  runtimeOnly("org.postgresql:postgresql:42.7.4")
  testImplementation 'junit:junit:4.13.2'
  classpath 'not.a:dependency:1'
}`;
    const listed = files({
      'mvn/pom.xml': pom,
      'gr/build.gradle': gradle,
      'locked/build.gradle': gradle,
      'locked/gradle.lockfile': 'com.google.code.gson:gson:2.11.0=runtimeClasspath\n',
    });
    const result = await readLockfiles(dir, listed);
    expect(result.problems).toEqual([]);
    const purls = (from: string) =>
      result.dependencies.filter((d) => d.file === from).map((d) => [d.purl, d.development]);
    expect(purls('mvn/pom.xml')).toEqual([
      ['pkg:maven/com.google.code.gson/gson@2.11.0', false],
      ['pkg:maven/com.fasterxml.jackson.core/jackson-core@2.18.2', false],
      ['pkg:maven/demo/common@2.0.0', false],
      ['pkg:maven/junit/junit@4.13.2', true],
      ['pkg:maven/org.bom/managed-version', false],
    ]);
    expect(purls('gr/build.gradle')).toEqual([
      ['pkg:maven/com.google.code.gson/gson@2.11.0', false],
      ['pkg:maven/org.slf4j/slf4j-api', false],
      ['pkg:maven/org.postgresql/postgresql@42.7.4', false],
      ['pkg:maven/junit/junit@4.13.2', true],
    ]);
    expect(result.files).not.toContain('locked/build.gradle');
    expect(purls('locked/gradle.lockfile')).toEqual([
      ['pkg:maven/com.google.code.gson/gson@2.11.0', false],
    ]);
  });

  it('reports a lock file that does not parse and keeps the others', async () => {
    const listed = files({ 'bad/package-lock.json': '{ not json', 'bad/go.mod': GO_MOD });
    const result = await readLockfiles(dir, listed);
    expect(result.files).toEqual(['bad/go.mod']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^bad\/package-lock\.json: /);
  });
});

describe('the CycloneDX document', () => {
  const digest = `sha256:${'a'.repeat(64)}`;

  it('lists the image, its distribution, its Debian packages and the lock files’ dependencies', () => {
    const text = sbomDocument({
      image: '127.0.0.1:5000/team/app',
      digest,
      version: '1.2.3',
      os: { id: 'debian', versionId: '12', codename: 'bookworm', prettyName: 'Debian 12' },
      packages: new Map([
        ['libc6', { version: '2.36-9+deb12u9', architecture: 'amd64' }],
        ['tzdata', { version: '2024a-0+deb12u1', architecture: 'all' }],
      ]),
      dependencies: [
        {
          ecosystem: 'npm',
          group: '@types',
          name: 'node',
          version: '24.1.0',
          development: true,
          file: 'package-lock.json',
          purl: 'pkg:npm/%40types/node@24.1.0',
        },
        {
          ecosystem: 'pypi',
          group: undefined,
          name: 'six',
          version: '1.16.0',
          development: false,
          file: 'requirements.txt',
          purl: 'pkg:pypi/six@1.16.0',
        },
      ],
      tool: { name: 'pipeline-actions build-image', version: '1.0.0' },
      timestamp: new Date('2026-01-02T03:04:05Z'),
      serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    });
    const bom = JSON.parse(text) as {
      bomFormat: string;
      specVersion: string;
      serialNumber: string;
      metadata: { timestamp: string; component: Record<string, unknown> };
      components: Record<string, unknown>[];
    };
    expect(SBOM_MEDIA_TYPE).toBe('application/vnd.cyclonedx+json');
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.metadata.timestamp).toBe('2026-01-02T03:04:05.000Z');
    expect(bom.metadata.component).toMatchObject({
      type: 'container',
      name: 'app',
      version: '1.2.3',
      purl: containerPurl('127.0.0.1:5000/team/app', digest),
    });
    expect(containerPurl('127.0.0.1:5000/team/app', digest)).toBe(
      `pkg:oci/app@sha256:${'a'.repeat(64)}?repository_url=127.0.0.1%3A5000%2Fteam%2Fapp`,
    );
    const byName = new Map(bom.components.map((c) => [c.name, c]));
    expect(byName.get('debian')).toMatchObject({ type: 'operating-system', version: '12' });
    expect(byName.get('libc6')).toMatchObject({
      type: 'library',
      version: '2.36-9+deb12u9',
      purl: 'pkg:deb/debian/libc6@2.36-9+deb12u9?arch=amd64&distro=debian-12',
    });
    expect(byName.get('node')).toMatchObject({
      group: '@types',
      scope: 'excluded',
      purl: 'pkg:npm/%40types/node@24.1.0',
      properties: [{ name: LOCKFILE_PROPERTY, value: 'package-lock.json' }],
    });
    expect(byName.get('six')).not.toHaveProperty('scope');
    expect(bom.components).toHaveLength(5);
  });
});

describe('the image system read back from an SBOM build-image wrote', () => {
  const digest = `sha256:${'b'.repeat(64)}`;
  const ours = (system: ImageSystem, tool = SBOM_TOOL_NAME) =>
    JSON.parse(
      sbomDocument({
        image: 'registry.example/team/app',
        digest,
        version: '1.0.0',
        os: system.os,
        packages: system.packages,
        dependencies: [
          {
            ecosystem: 'npm',
            group: undefined,
            name: 'express',
            version: '4.21.2',
            development: false,
            file: 'package-lock.json',
            purl: 'pkg:npm/express@4.21.2',
          },
        ],
        tool: { name: tool, version: 'v1' },
      }),
    ) as Record<string, unknown> & { metadata: Record<string, unknown> };

  it('gives back exactly the packages and the distribution it was written from, empty fields included', () => {
    const systems: ImageSystem[] = [
      {
        os: { id: 'debian', versionId: '12', codename: 'bookworm', prettyName: 'Debian 12' },
        packages: new Map([
          ['libc6', { version: '2.36-9+deb12u9', architecture: 'amd64' }],
          ['tzdata', { version: '2024a-0+deb12u1', architecture: 'all' }],
          ['libfoo1', { version: '1:2.0~rc1+dfsg-3', architecture: '' }],
          ['broken', { version: '', architecture: 'amd64' }],
        ]),
      },
      {
        os: { id: 'ubuntu', versionId: '', codename: undefined, prettyName: '' },
        packages: new Map([['bash', { version: '5.2-1', architecture: 'arm64' }]]),
      },
      { os: undefined, packages: new Map() },
    ];
    for (const system of systems) {
      const read = systemFromSbom(ours(system), digest);
      expect(read).toEqual({ system });
      if ('system' in read) expect([...read.system.packages]).toEqual([...system.packages].sort());
    }
  });

  it('refuses a foreign or older SBOM, or one of another image, saying why', () => {
    const system: ImageSystem = { os: undefined, packages: new Map() };
    expect(systemFromSbom(ours(system, 'syft'), digest)).toEqual({
      unusable: 'it was written by another tool',
    });
    const older = ours(system);
    delete older.metadata.properties;
    expect(systemFromSbom(older, digest)).toEqual({
      unusable:
        'it was written by an older build-image that did not record every fact the policy reads',
    });
    const later = ours(system);
    later.metadata.properties = [{ name: FACTS_PROPERTY, value: '2' }];
    expect(systemFromSbom(later, digest)).toEqual({
      unusable: `it records image facts version 2, not ${FACTS_VERSION}`,
    });
    expect(systemFromSbom(ours(system), `sha256:${'c'.repeat(64)}`)).toEqual({
      unusable: `it describes another image than sha256:${'c'.repeat(64)}`,
    });
    expect(systemFromSbom(null, digest)).toEqual({ unusable: 'it was written by another tool' });
  });
});
