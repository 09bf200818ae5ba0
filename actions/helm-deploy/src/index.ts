import { run } from './main.js';

// One bundle, two roles: the action, and the post-renderer helm starts while
// it upgrades (`node dist/index.js --pipeline-actions-post-render CONFIG`,
// when dist/post-render.js is not beside it); each loads only its own part.
if (process.argv[2] === '--pipeline-actions-post-render') {
  const { runPostRenderer } = await import('../../../src/render/post-render.js');
  process.exitCode = await runPostRenderer(process.argv[3] ?? '');
} else {
  await run();
}
