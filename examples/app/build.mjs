// Renders the product list into the page and writes the site to dist/.
// Plain Node (18 or later), no dependencies: it runs in the standard builder.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');

const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );

const products = JSON.parse(readFileSync(join(src, 'products.json'), 'utf8'));
const items = products
  .map(
    (p) =>
      `<li data-sku="${escape(p.sku)}"><span>${escape(p.name)}</span><span>${p.price.toFixed(2)} EUR</span></li>`,
  )
  .join('\n      ');
const page = readFileSync(join(src, 'index.html'), 'utf8').replace('<!-- products -->', items);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'index.html'), page);
copyFileSync(join(src, 'styles.css'), join(dist, 'styles.css'));
writeFileSync(join(dist, 'healthz'), 'ok\n');
console.log(`storefront: rendered ${products.length} products into ${dist}`);
