// The naming table (naming.yml) and every name the interface uses: the
// inputs of each action.yml and the inputs and secrets of each reusable
// workflow. Shared by the README generator (scripts/action-docs.mjs) and
// test/unit/naming.test.ts, so the README and the test read one table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT, actionNames } from './actions.mjs';

export function readNaming() {
  return load(readFileSync(join(ROOT, 'naming.yml'), 'utf8'));
}

/**
 * Every input name in use: `{ name, kind, where }`, where kind is `input` or
 * `secret` and where is `actions/<name>` or `.github/workflows/<file>`.
 * Only reusable workflows (on: workflow_call) declare an interface.
 */
export function interfaceNames() {
  const names = [];
  for (const action of actionNames()) {
    const meta = load(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8'));
    for (const name of Object.keys(meta.inputs ?? {})) {
      names.push({ name, kind: 'input', where: `actions/${action}` });
    }
  }
  const dir = join(ROOT, '.github', 'workflows');
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const workflow = load(readFileSync(join(dir, file), 'utf8'));
    const call = workflow?.on?.workflow_call;
    if (call === undefined) continue;
    for (const kind of ['inputs', 'secrets']) {
      for (const name of Object.keys(call?.[kind] ?? {})) {
        names.push({ name, kind: kind.slice(0, -1), where: `.github/workflows/${file}` });
      }
    }
  }
  return names;
}

/** Names that break the table: `{ name, where, message }`, empty when all agree. */
export function namingProblems(naming, names) {
  const problems = [];
  const owner = new Map();
  const alias = new Map();
  for (const row of naming.concepts) {
    for (const name of row.names) owner.set(name, row);
    for (const name of row.aliases ?? []) alias.set(name, row);
  }
  const family = new RegExp(`(^|-)(${naming.family.join('|')})$`);
  for (const { name, where } of names) {
    const row = alias.get(name);
    if (row) {
      problems.push({
        name,
        where,
        message: `${where}: "${name}" is the ${row.concept} concept; call it "${row.names.find((n) => n.endsWith(`-${name}`)) ?? row.names.join('" / "')}" (naming.yml).`,
      });
    } else if (family.test(name) && !owner.has(name)) {
      problems.push({
        name,
        where,
        message: `${where}: "${name}" looks like a version, credential, CA, token, download location or Kubernetes tool, but naming.yml has no row for it; use a name from naming.yml or add a row.`,
      });
    }
  }
  return problems;
}

/** The README table: one row per concept, with where each name is used. */
export function renderNamingTable(naming, names) {
  const cell = (text) => String(text ?? '').replace(/\|/g, '\\|');
  const short = (where) =>
    where.startsWith('actions/') ? where.slice('actions/'.length) : where.split('/').pop();
  const rows = naming.concepts.map((row) => {
    const used = [
      ...new Set(names.filter((n) => row.names.includes(n.name)).map((n) => short(n.where))),
    ];
    return `| ${cell(row.concept)} | ${row.names.map((n) => `\`${n}\``).join(', ')} | ${cell(used.join(', '))} | ${cell(row.note)} | ${(row.aliases ?? []).map((n) => `\`${n}\``).join(', ')} |`;
  });
  return [
    '| Concept | Name | Used by | What it holds | Never called |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
