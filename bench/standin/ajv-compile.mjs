// What validating default.json costs before the first real work of the
// actions that read it (build-image, helm-deploy, drift-check): loading Ajv
// and compiling the published schema with the loader's options
// (src/manifest/schema.ts). Prints one JSON line: milliseconds and the
// process's peak resident memory before and after.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const peak = () =>
  Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const schema = JSON.parse(
  readFileSync(new URL('../../schema/default.schema.json', import.meta.url), 'utf8'),
);
const before = peak();
const started = performance.now();
const { Ajv2020 } = await import('ajv/dist/2020.js');
const loaded = performance.now();
new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(
  schema,
);
const compiled = performance.now();
process.stdout.write(
  `${JSON.stringify({ importMs: loaded - started, compileMs: compiled - loaded, before, after: peak() })}\n`,
);
