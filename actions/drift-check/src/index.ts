import { POST_RENDER_FLAG, runPostRenderer } from '../../../src/render/post-render.js';
import { run } from './main.js';

// One bundle, two roles: the action, and the post-renderer helm starts while
// it renders the desired state (`node dist/index.js --pipeline-actions-post-render CONFIG`).
if (process.argv[2] === POST_RENDER_FLAG) {
  process.exitCode = await runPostRenderer(process.argv[3] ?? '');
} else {
  await run();
}
