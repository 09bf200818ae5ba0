// Fails when a committed bundle differs from a fresh build: rebuilds, then
// asks git for any change or new file under actions/*/dist.
import { execFileSync } from 'node:child_process';
import { ROOT } from './actions.mjs';

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
const status = execFileSync('git', ['status', '--porcelain', '--', 'actions/*/dist'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (status.trim() !== '') {
  console.error('The committed bundles differ from a fresh `npm run build`:');
  console.error(status);
  console.error('Run `npm run build` and commit actions/*/dist.');
  process.exit(1);
}
console.log('committed bundles equal a fresh build');
