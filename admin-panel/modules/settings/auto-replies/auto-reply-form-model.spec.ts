import { type AutoReplyDto, autoReplyRuleSchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { emptyAutoReplyForm, formFromRule, moveRule, nextPosition, ruleBody, ruleBodyFromForm } from './auto-reply-form-model';

const stored = (rule: Partial<AutoReplyDto> & Pick<AutoReplyDto, 'trigger'>): AutoReplyDto =>
  ({
    id: 'rule_1',
    siteId: 'site_1',
    replyText: 'Hi!',
    enabled: true,
    position: 0,
    stopAfter: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...rule,
  }) as AutoReplyDto;

describe('auto-reply form', () => {
  it('builds a keyword rule from lines and commas that the contract accepts', () => {
    const body = ruleBodyFromForm({ ...emptyAutoReplyForm(20), keywords: 'price\n delivery cost , ,\n', replyText: 'See /prices' });
    expect(body).toEqual({
      trigger: 'KEYWORD',
      keywords: ['price', 'delivery cost'],
      replyText: 'See /prices',
      enabled: true,
      position: 20,
      stopAfter: false,
    });
    expect(autoReplyRuleSchema.safeParse(body).success).toBe(true);
  });

  it('sends only the chosen trigger’s field and the actions that are set', () => {
    const form = {
      ...emptyAutoReplyForm(0),
      keywords: 'left over',
      trigger: 'NO_REPLY' as const,
      noReplySeconds: '90',
      replyText: 'One moment',
      setStatus: 'PENDING' as const,
      assignToOperatorId: 'user_7',
    };
    expect(ruleBodyFromForm(form)).toEqual({
      trigger: 'NO_REPLY',
      noReplySeconds: 90,
      replyText: 'One moment',
      setStatus: 'PENDING',
      assignToOperatorId: 'user_7',
      enabled: true,
      position: 0,
      stopAfter: false,
    });
    expect(ruleBodyFromForm({ ...form, trigger: 'FIRST_MESSAGE' })).not.toHaveProperty('noReplySeconds');
  });

  it('lets the contract refuse a missing delay or keyword, on the right field', () => {
    const noDelay = autoReplyRuleSchema.safeParse(
      ruleBodyFromForm({ ...emptyAutoReplyForm(0), trigger: 'NO_REPLY', noReplySeconds: '', replyText: 'x' }),
    );
    expect(noDelay.error?.issues.map((i) => i.path.join('.'))).toEqual(['noReplySeconds']);
    const noKeyword = autoReplyRuleSchema.safeParse(ruleBodyFromForm({ ...emptyAutoReplyForm(0), replyText: 'x' }));
    expect(noKeyword.error?.issues.map((i) => i.path.join('.'))).toEqual(['keywords']);
  });

  it('round-trips stored rules of every trigger', () => {
    const rules = [
      stored({ trigger: 'KEYWORD', keywords: ['a', 'b c'] }),
      stored({ trigger: 'PATTERN', pattern: 'order\\s*#?\\d+', stopAfter: true }),
      stored({ trigger: 'NO_REPLY', noReplySeconds: 300, setStatus: 'RESOLVED' }),
      stored({ trigger: 'OUTSIDE_HOURS', assignToOperatorId: 'user_1', enabled: false, position: 30 }),
    ];
    for (const rule of rules) {
      const { id: _id, siteId: _site, createdAt: _c, updatedAt: _u, ...rest } = rule;
      expect(autoReplyRuleSchema.parse(ruleBody(rule))).toEqual(rest);
      expect(formFromRule(rule).trigger).toBe(rule.trigger);
    }
  });

  it('puts new rules last', () => {
    expect(nextPosition([])).toBe(0);
    expect(nextPosition([{ position: 5 }, { position: 40 }])).toBe(50);
  });

  it('moves a rule up or down and renumbers only what changed', () => {
    const rules = [
      { id: 'a', position: 0 },
      { id: 'b', position: 10 },
      { id: 'c', position: 20 },
    ];
    expect(moveRule(rules, 2, -1)).toEqual([
      { id: 'c', position: 10 },
      { id: 'b', position: 20 },
    ]);
    expect(moveRule(rules, 0, 1)).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 10 },
    ]);
    expect(moveRule(rules, 0, -1)).toEqual([]);
    expect(moveRule(rules, 2, 1)).toEqual([]);
    // Irregular positions (rules made elsewhere) are evened out on the way.
    expect(
      moveRule(
        [
          { id: 'x', position: 7 },
          { id: 'y', position: 7 },
        ],
        1,
        -1,
      ),
    ).toEqual([
      { id: 'y', position: 0 },
      { id: 'x', position: 10 },
    ]);
  });
});
