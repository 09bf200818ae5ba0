/**
 * The rendering chain of a release: templated values → helm → post-render
 * (empty documents dropped, kustomize overlay, images pinned to digests,
 * traceability annotations). helm-deploy deploys what it produces; drift-check
 * compares it with the live cluster.
 */
export {
  annotateObjects,
  isTraceAnnotation,
  traceAnnotations,
  workflowRunUrl,
  TRACE_ANNOTATIONS,
} from './annotate.js';
export { resolveChart, type ChartRequest, type ResolvedChart } from './chart.js';
export {
  findImages,
  pinImages,
  WORKLOAD_KINDS,
  type DigestResolver,
  type ImageUse,
  type PinnedImage,
} from './images.js';
export { applyOverlay, findKustomization, type KustomizeBuilder } from './kustomize.js';
export {
  bundledPostRenderer,
  HelmPostRenderer,
  POST_RENDER_FLAG,
  postRender,
  runPostRenderer,
  type PostRenderConfig,
  type PostRendererEntry,
  type PostRenderOutput,
  type PostRenderReport,
  type RegistryAccess,
} from './post-render.js';
export { prefetchDigests, registryPool } from './registry-pool.js';
export {
  prepareRelease,
  renderDesired,
  type DesiredState,
  type PreparedRelease,
  type PrepareOptions,
  type RenderTarget,
} from './release.js';
export { expandSet, renderValues, type RenderedValues, type ValuesRequest } from './values.js';
