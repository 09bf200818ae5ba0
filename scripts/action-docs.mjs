// Keeps each action README's inputs and outputs tables in step with its
// action.yml, and README.md's naming table in step with naming.yml.
// `--write` rewrites the tables between the markers; `--check` (the default)
// exits 1 and names every README that differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { format, resolveConfig } from 'prettier';
import { ROOT, actionNames } from './actions.mjs';
import { interfaceNames, readNaming, renderNamingTable } from './naming.mjs';

export function renderTables(actionYml) {
  const meta = load(actionYml);
  const cell = (text) =>
    String(text ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n/g, ' ')
      .trim();
  const inputs = Object.entries(meta.inputs ?? {}).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``} | ${cell(input.description)} |`,
  );
  const outputs = Object.entries(meta.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return {
    inputs: [
      '| Input | Required | Default | Description |',
      '| --- | --- | --- | --- |',
      ...inputs,
    ].join('\n'),
    outputs: ['| Output | Description |', '| --- | --- |', ...outputs].join('\n'),
  };
}

export function applyTables(readme, tables, file) {
  let text = readme;
  for (const [section, table] of Object.entries(tables)) {
    const start = `<!-- ${section}:start -->`;
    const end = `<!-- ${section}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from === -1 || to === -1 || to < from) {
      throw new Error(
        `${file}: missing the "${start}" … "${end}" markers for the ${section} table`,
      );
    }
    text = `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
  }
  return text;
}

// Formatted the way `prettier --check` wants it, so the two checks agree.
async function formatted(text, readmePath) {
  const options = (await resolveConfig(readmePath)) ?? {};
  return format(text, { ...options, parser: 'markdown', filepath: readmePath });
}

export async function expectedReadme(readme, actionYml, readmePath) {
  return formatted(applyTables(readme, renderTables(actionYml), readmePath), readmePath);
}

/** README.md with its naming table rendered from naming.yml. */
export async function expectedRootReadme(readme, readmePath) {
  const names = renderNamingTable(readNaming(), interfaceNames());
  return formatted(applyTables(readme, { names }, readmePath), readmePath);
}

export async function staleReadmes() {
  const stale = [];
  for (const name of actionNames()) {
    const dir = join(ROOT, 'actions', name);
    const readmePath = join(dir, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const expected = await expectedReadme(
      readme,
      readFileSync(join(dir, 'action.yml'), 'utf8'),
      readmePath,
    );
    if (expected !== readme) stale.push({ name, readmePath, expected });
  }
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const expected = await expectedRootReadme(readme, readmePath);
  if (expected !== readme) stale.push({ name: 'naming', readmePath, expected });
  return stale;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const stale = await staleReadmes();
  if (process.argv.includes('--write')) {
    for (const { readmePath, expected } of stale) {
      writeFileSync(readmePath, expected);
      console.log(`updated ${readmePath}`);
    }
  } else if (stale.length > 0) {
    for (const { name } of stale) {
      console.error(
        name === 'naming'
          ? 'README.md: the naming table does not match naming.yml'
          : `actions/${name}/README.md does not match actions/${name}/action.yml`,
      );
    }
    console.error('Run `npm run docs` and commit the result.');
    process.exit(1);
  } else {
    console.log('action READMEs match their action.yml');
  }
}
