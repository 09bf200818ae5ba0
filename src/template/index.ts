export { PlaceholderContext, PLACEHOLDER_NAME, type PlaceholderValue } from './context.js';
export {
  renderString,
  renderYamlTemplate,
  type PlaceholderUse,
  type RenderedYaml,
} from './render.js';
export {
  buildPlaceholderContext,
  type BuildOutputs,
  type ContextSources,
} from './standard-context.js';
