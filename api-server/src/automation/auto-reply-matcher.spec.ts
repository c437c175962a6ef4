import { type AutoReplyRuleInput, autoReplyRuleSchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { type AutoReplyEvent, matchAutoReplies, type StoredAutoReplyRule } from './auto-reply-matcher.js';
import { PatternCache } from './auto-reply-pattern.js';

function rule(id: string, input: AutoReplyRuleInput): StoredAutoReplyRule {
  return { id, ...autoReplyRuleSchema.parse(input) };
}

function message(text: string, flags: { first?: boolean; outside?: boolean; fired?: string[] } = {}): AutoReplyEvent {
  return {
    event: 'message',
    authorKind: 'VISITOR',
    text,
    isFirstVisitorMessage: flags.first ?? false,
    isOutsideHours: flags.outside ?? false,
    alreadyFiredRuleIds: flags.fired ? new Set(flags.fired) : undefined,
  };
}

function timeout(seconds: number, fired?: string[]): AutoReplyEvent {
  return {
    event: 'no_reply_timeout',
    secondsSinceLastVisitorMessageWithoutReply: seconds,
    alreadyFiredRuleIds: fired ? new Set(fired) : undefined,
  };
}

const ids = (rules: StoredAutoReplyRule[]) => rules.map((r) => r.id);

describe('matchAutoReplies', () => {
  const price = rule('price', { trigger: 'KEYWORD', keywords: ['ціна', 'price'], replyText: 'Prices: …', position: 2 });
  const order = rule('order', { trigger: 'PATTERN', pattern: 'order\\s*#?\\d{4,}', replyText: 'Checking your order', position: 1 });
  const welcome = rule('welcome', { trigger: 'FIRST_MESSAGE', replyText: 'Hi!', position: 0 });
  const closed = rule('closed', { trigger: 'OUTSIDE_HOURS', replyText: 'We are closed', position: 3 });
  const nudge = rule('nudge', { trigger: 'NO_REPLY', noReplySeconds: 60, replyText: 'Still here', position: 4 });
  const all = [price, order, welcome, closed, nudge];

  it('fires KEYWORD rules on whole words only, in any script', () => {
    expect(ids(matchAutoReplies(all, message('Яка ціна?')))).toEqual(['price']);
    expect(ids(matchAutoReplies(all, message('What is the PRICE')))).toEqual(['price']);
    expect(ids(matchAutoReplies(all, message('ціназ pricey')))).toEqual([]);
  });

  it('fires PATTERN rules with RE2', () => {
    expect(ids(matchAutoReplies(all, message('where is Order #12345')))).toEqual(['order']);
    expect(ids(matchAutoReplies(all, message('order 12')))).toEqual([]);
  });

  it('fires FIRST_MESSAGE and OUTSIDE_HOURS when the event says so', () => {
    expect(ids(matchAutoReplies(all, message('hello', { first: true })))).toEqual(['welcome']);
    expect(ids(matchAutoReplies(all, message('hello', { outside: true })))).toEqual(['closed']);
    expect(ids(matchAutoReplies(all, message('hello')))).toEqual([]);
  });

  it('returns every firing rule in position order, whatever the given order', () => {
    const event = message('price of order #1234?', { first: true, outside: true });
    expect(ids(matchAutoReplies(all, event))).toEqual(['welcome', 'order', 'price', 'closed']);
    expect(ids(matchAutoReplies([...all].reverse(), event))).toEqual(['welcome', 'order', 'price', 'closed']);
  });

  it('keeps the given order for equal positions', () => {
    const a = rule('a', { trigger: 'FIRST_MESSAGE', replyText: 'a', position: 5 });
    const b = rule('b', { trigger: 'FIRST_MESSAGE', replyText: 'b', position: 5 });
    expect(ids(matchAutoReplies([b, a], message('x', { first: true })))).toEqual(['b', 'a']);
  });

  it('stops after the first firing rule with stopAfter, and not at one that does not fire', () => {
    const stopOnOrder = { ...order, stopAfter: true };
    const event = message('price of order #1234?', { first: true, outside: true });
    expect(ids(matchAutoReplies([price, stopOnOrder, welcome, closed], event))).toEqual(['welcome', 'order']);
    // The same stopping rule, not firing: evaluation goes on.
    expect(ids(matchAutoReplies([price, stopOnOrder, welcome, closed], message('price?', { first: true })))).toEqual(['welcome', 'price']);
  });

  it('skips disabled rules (their stopAfter included) and rules that already fired', () => {
    const disabledStop = { ...welcome, enabled: false, stopAfter: true };
    expect(ids(matchAutoReplies([disabledStop, price, closed], message('price', { first: true, outside: true })))).toEqual([
      'price',
      'closed',
    ]);
    expect(ids(matchAutoReplies(all, message('price', { outside: true, fired: ['closed'] })))).toEqual(['price']);
  });

  it('fires NO_REPLY only on the timeout event, once the wait reaches the threshold', () => {
    expect(ids(matchAutoReplies(all, timeout(59)))).toEqual([]);
    expect(ids(matchAutoReplies(all, timeout(60)))).toEqual(['nudge']);
    expect(ids(matchAutoReplies(all, timeout(3600)))).toEqual(['nudge']);
    // A message never fires NO_REPLY, and the timeout never fires message triggers.
    expect(ids(matchAutoReplies([nudge], message('price', { first: true, outside: true })))).toEqual([]);
    expect(ids(matchAutoReplies([price, welcome, closed, order], timeout(10_000)))).toEqual([]);
  });

  it('fires each NO_REPLY step once as the wait grows', () => {
    const later = rule('later', { trigger: 'NO_REPLY', noReplySeconds: 300, replyText: 'Leave your email', position: 5 });
    expect(ids(matchAutoReplies([nudge, later], timeout(60)))).toEqual(['nudge']);
    expect(ids(matchAutoReplies([nudge, later], timeout(300, ['nudge'])))).toEqual(['later']);
  });

  it('answers visitors only: a message by anyone else fires nothing (never loops)', () => {
    const welcomeAll = { ...welcome, trigger: 'FIRST_MESSAGE' as const };
    const fromSystem = { ...message('price', { first: true }), authorKind: 'SYSTEM' } as unknown as AutoReplyEvent;
    expect(matchAutoReplies([price, welcomeAll], fromSystem)).toEqual([]);
  });

  it('never fires a rule whose stored pattern does not compile, and matches only the start of a long message', () => {
    const broken = { ...order, id: 'broken', pattern: '(?=x)' };
    expect(ids(matchAutoReplies([broken], message('x (?=x)')))).toEqual([]);
    const tail = rule('tail', { trigger: 'PATTERN', pattern: 'needle', replyText: 'found' });
    expect(ids(matchAutoReplies([tail], message(`${'a '.repeat(1000)}needle`)))).toEqual(['tail']);
    expect(ids(matchAutoReplies([tail], message(`${'a '.repeat(3000)}needle`)))).toEqual([]);
    const keyword = rule('kw', { trigger: 'KEYWORD', keywords: ['needle'], replyText: 'found' });
    expect(ids(matchAutoReplies([keyword], message(`${'a '.repeat(3000)}needle`)))).toEqual([]);
  });

  it('compiles each pattern once across messages', () => {
    const patterns = new PatternCache();
    for (let i = 0; i < 5; i++) matchAutoReplies([order], message(`order #${1000 + i}`), patterns);
    expect(patterns.size).toBe(1);
  });

  it('returns the caller rule objects with their extra fields', () => {
    const stored = { ...price, siteId: 'site-1' };
    const [fired] = matchAutoReplies([stored], message('price'));
    expect(fired).toBe(stored);
    expect(fired?.siteId).toBe('site-1');
  });

  it('stays fast on a huge adversarial message against pathological patterns', () => {
    const evil = ['(a+)+$', '(a|aa)+$', '(.*a){20}x'].map((pattern, i) =>
      rule(`evil${i}`, { trigger: 'PATTERN', pattern, replyText: 'x' }),
    );
    const started = performance.now();
    for (let run = 0; run < 100; run++) matchAutoReplies(evil, message(`${'a'.repeat(50_000)}!`));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
