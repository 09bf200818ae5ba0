// The post-renderer's own entry, bundled as dist/post-render.js next to the
// action's bundle: helm starts it between rendering and applying
// (`node dist/post-render.js --pipeline-actions-post-render CONFIG`). It loads
// the rendering chain only (no inputs, no schema, no action code), so each
// helm upgrade pays the least Node start-up there is.
import { runPostRenderer } from '../../../src/render/post-render.js';

process.exitCode = await runPostRenderer(process.argv[3] ?? '');
