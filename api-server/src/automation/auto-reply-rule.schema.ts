import { AUTO_REPLY_PATTERN_MAX_LENGTH, autoReplyRuleSchema } from '@chatiq/contracts';
import { compileAutoReplyPattern } from './auto-reply-pattern.js';

/**
 * The contract's rule schema plus what only the server can check: that a PATTERN compiles with
 * RE2 within the size cap. The contract cannot, as it does not depend on re2js (and the admin panel
 * would then ship it); a refused pattern comes back as a `validation_failed` issue on `pattern`.
 * Use this one, not the contract's, to validate rules the API stores.
 */
export const autoReplyRuleServerSchema = autoReplyRuleSchema.superRefine((rule, ctx) => {
  // zod runs this refinement even after the contract's length check failed; that issue suffices.
  if (rule.trigger !== 'PATTERN' || rule.pattern.length > AUTO_REPLY_PATTERN_MAX_LENGTH) return;
  const compiled = compileAutoReplyPattern(rule.pattern);
  if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['pattern'], message: compiled.reason });
});
