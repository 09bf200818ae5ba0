import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUserError, UserError, UserErrors } from '../errors.js';
import { parseManifest } from '../manifest/index.js';
import { parseCatalog } from './catalog.js';
import { chooseImages } from './select-images.js';

const image = (name: string) => `r.example.com/std/${name}@sha256:${'c'.repeat(64)}`;
const catalog = parseCatalog(
  [
    'apiVersion: pipeline-actions/v1',
    'builders:',
    `  nodejs: { image: ${image('node')}, toolchains: { nodejs: "24", shell: default } }`,
    `  java: { image: ${image('java')}, toolchains: { java: "17", shell: default } }`,
    `  java-nodejs: { image: ${image('jn')}, toolchains: { java: "17", nodejs: "24", shell: default } }`,
    'default_builder: nodejs',
    'runtimes:',
    `  http_html: { image: ${image('httpd')}, user: "10001:10001", port: 8080 }`,
    '  http_api:',
    `    java: { image: ${image('jvm')}, user: "10001:10001", port: 8080 }`,
  ].join('\n'),
  'catalog.yaml',
);

function problems(text: string, context?: string): string[] {
  try {
    chooseImages(catalog, parseManifest(text, 'default.json'), { packageFormat: 'files', context });
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError);
    if (error instanceof UserError) return [formatUserError(error)];
    throw error;
  }
  return [];
}

// Laid out the way teams write it, so the columns below are easy to check.
const TEAM = (buildfacts: string, type = 'http_html') => `{
  "namespace": "shop",
  "application": { "name": "web", "type": "${type}", "version": "3.x.x" },
  "build": {
    "system_setup": { "buildfacts": ${buildfacts} },
    "build_steps": [
      { "shell": "echo hi" },
      { "gradle": { "useWrapper": true, "tasks": "clean build" } },
      { "npm": { "command": "ci" } }
    ]
  },
  "artifacts": ["target/"]
}`;

describe('build steps checked against the chosen builder before anything runs', () => {
  it('accepts steps whose tools the builder has', () => {
    const context = mkdtempSync(join(tmpdir(), 'pa-steps-'));
    writeFileSync(join(context, 'gradlew'), '#!/bin/sh\n');
    expect(problems(TEAM('["java", "nodejs"]'), context)).toEqual([]);
  });

  it('names each step whose tool is missing, at its line and column, with the buildfacts that fit', () => {
    expect(problems(TEAM('["nodejs"]'))).toEqual([
      'default.json:8:9: $.build.build_steps[1]: a gradle step needs java, and the builder "nodejs" chosen for nodejs does not provide it (it has nodejs 24, shell default). Fix: add "java" to build.system_setup.buildfacts (nodejs + java chooses the builder "java-nodejs").',
    ]);
  });

  it('refuses a pip step on a builder without Python, at its place', () => {
    const text = `{
  "namespace": "shop",
  "application": { "name": "web", "type": "http_html", "version": "1.0.0" },
  "build": {
    "system_setup": { "buildfacts": ["nodejs"] },
    "build_steps": [{ "pip": { "command": "install -r requirements.txt" } }]
  },
  "artifacts": ["dist"]
}`;
    expect(problems(text)).toEqual([
      'default.json:6:23: $.build.build_steps[0]: a pip step needs python, and the builder "nodejs" chosen for nodejs does not provide it (it has nodejs 24, shell default). Fix: no builder of the catalog provides nodejs + python: ask the platform team for one, or use a shell step with the tools the builder has.',
    ]);
  });

  it('points at a missing wrapper script before a container would fail with exit 127', () => {
    const context = mkdtempSync(join(tmpdir(), 'pa-steps-'));
    expect(problems(TEAM('["java", "nodejs"]'), context)).toEqual([
      'default.json:8:21: $.build.build_steps[1].gradle.useWrapper: the step runs ./gradlew, and the repository has no gradlew at its root. Fix: commit the Gradle wrapper (gradlew and its gradle/wrapper/ files), or set "useWrapper": false to use the builder\'s gradle.',
    ]);
  });

  it('reports a type without a runtime and buildfacts without a builder together, each at its place', () => {
    expect(problems(TEAM('["java", "python"]', 'worker'))).toEqual([
      'default.json:3:43: The standard-image catalog has no runtime image for application.type "worker" (it has: http_html, http_api). Fix: use one of those types, or ask the platform team to add a "worker" runtime to the catalog.',
      expect.stringMatching(
        /^default\.json:5:23: No standard builder provides java \+ python \(build\.system_setup\.buildfacts\)\./,
      ),
    ]);
  });
});
