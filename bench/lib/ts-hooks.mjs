// Lets the benchmarks import the library in src/ directly (the inspec gate,
// digest pinning, the drift comparison), the way vitest does: src/ is
// TypeScript whose relative imports end in `.js` (NodeNext style), and some
// of it uses syntax Node's own type stripping refuses (constructor parameter
// properties). So `./x.js` from a .ts file resolves to `./x.ts` when only
// that exists, and .ts files outside node_modules are transpiled with the
// project's own TypeScript (transpile only: type checking is
// `npm run typecheck`'s job). Imported once, before anything from src/.
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2023,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
};

registerHooks({
  resolve(specifier, context, next) {
    if (
      context.parentURL?.endsWith('.ts') &&
      specifier.startsWith('.') &&
      specifier.endsWith('.js')
    ) {
      const js = new URL(specifier, context.parentURL);
      if (!existsSync(js)) {
        const candidate = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
        if (existsSync(candidate)) return next(candidate.href, context);
      }
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/')) {
      const path = fileURLToPath(url);
      const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
        compilerOptions: COMPILER_OPTIONS,
        fileName: path,
      });
      return { format: 'module', source: outputText, shortCircuit: true };
    }
    return next(url, context);
  },
});
