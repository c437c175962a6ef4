import { toValidationIssues } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { autoReplyRuleServerSchema } from './auto-reply-rule.schema.js';

describe('autoReplyRuleServerSchema', () => {
  it('accepts a pattern RE2 compiles', () => {
    expect(autoReplyRuleServerSchema.parse({ trigger: 'PATTERN', pattern: '(a+)+$', replyText: 'ok' }).trigger).toBe('PATTERN');
  });

  it('refuses, on the pattern field, what RE2 cannot compile or what compiles too large', () => {
    for (const pattern of ['(?=lookahead)', '(a)\\1', '.{0,999}x.{0,999}y']) {
      const result = autoReplyRuleServerSchema.safeParse({ trigger: 'PATTERN', pattern, replyText: 'ok' });
      expect(result.success, pattern).toBe(false);
      expect(
        toValidationIssues(result.error!).map((issue) => issue.path.join('.')),
        pattern,
      ).toEqual(['pattern']);
    }
  });

  it('refuses a pattern over the contract length without compiling it', () => {
    const result = autoReplyRuleServerSchema.safeParse({ trigger: 'PATTERN', pattern: 'a'.repeat(201), replyText: 'ok' });
    expect(toValidationIssues(result.error!)).toEqual([{ path: ['pattern'], message: expect.stringMatching(/200/) }]);
  });

  it('leaves other triggers to the contract', () => {
    expect(autoReplyRuleServerSchema.safeParse({ trigger: 'KEYWORD', keywords: ['ціна'], replyText: 'ok' }).success).toBe(true);
    expect(autoReplyRuleServerSchema.safeParse({ trigger: 'KEYWORD', replyText: 'ok' }).success).toBe(false);
  });
});
