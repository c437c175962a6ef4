// The renderer lives in the contract so the admin panel's "/" picker renders templates the same
// way (packages/contracts/src/templates.ts, tested there).
export {
  isTemplateVariable,
  renderTemplate,
  TEMPLATE_VARIABLES,
  type TemplateContext,
  type TemplateFallbacks,
  type TemplateVariable,
} from '@chatiq/contracts';
