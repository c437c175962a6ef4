import { describe, expect, it } from 'vitest';
import en from '../i18n/en.js';
import uk from '../i18n/uk.js';
import { businessView, handoffLine, headerPresence } from './business-status.js';
import { checkEmail } from './email.js';

const NOTHING = { known: false, left: null, skipped: false, wrote: false };
const WROTE = { ...NOTHING, wrote: true };
const OFFLINE = { online: false, nextChangeAt: null, offHoursMessage: null };

describe('businessView', () => {
  it('shows nothing before the server said', () => {
    expect(businessView(null, WROTE, en)).toEqual({ offHoursText: null, askEmail: false, confirmation: null });
  });

  it('within business hours: no off-hours notice, never the email prompt', () => {
    expect(businessView({ online: true, nextChangeAt: null, offHoursMessage: null }, WROTE, en)).toEqual({
      offHoursText: null,
      askEmail: false,
      confirmation: null,
    });
  });

  it("offline: the site's own message; the email prompt only once the visitor wrote", () => {
    const status = { online: false, nextChangeAt: '2026-11-23T07:00:00.000Z', offHoursMessage: ' Back on Monday at 9. ' };
    expect(businessView(status, NOTHING, en)).toEqual({
      offHoursText: 'Back on Monday at 9.',
      askEmail: false,
      confirmation: null,
    });
    expect(businessView(status, WROTE, en).askEmail).toBe(true);
  });

  it('offline without a message of its own: the default, in the widget language', () => {
    expect(businessView(OFFLINE, NOTHING, en).offHoursText).toBe(en.offHoursDefault);
    expect(businessView(OFFLINE, NOTHING, uk).offHoursText).toBe(uk.offHoursDefault);
    expect(businessView({ ...OFFLINE, offHoursMessage: '   ' }, NOTHING, en).offHoursText).toBe(en.offHoursDefault);
  });

  it('asks once: not when the server has an email, not after "Not now"', () => {
    expect(businessView(OFFLINE, { ...WROTE, known: true }, en).askEmail).toBe(false);
    expect(businessView(OFFLINE, { ...WROTE, skipped: true }, en).askEmail).toBe(false);
  });

  it('after the visitor left their email: a confirmation instead of the prompt', () => {
    const view = businessView(OFFLINE, { known: true, left: 'ann@example.com', skipped: false, wrote: true }, en);
    expect(view.askEmail).toBe(false);
    expect(view.confirmation).toBe('Thank you! We will answer here, and we can reach you at ann@example.com.');
    expect(businessView(OFFLINE, { known: true, left: 'ann@example.com', skipped: false, wrote: true }, uk).confirmation).toBe(
      'Дякуємо! Ми відповімо тут і зможемо зв’язатися з вами за адресою ann@example.com.',
    );
  });
});

describe('headerPresence', () => {
  const open = { online: true, nextChangeAt: null, offHoursMessage: null };
  const closed = { online: false, nextChangeAt: null, offHoursMessage: null };

  it('says nothing before the server told the business status', () => {
    expect(headerPresence(null, true, true, en)).toBeNull();
  });

  it('within hours: online when someone can answer (or the server did not say), away when nobody can', () => {
    expect(headerPresence(open, true, true, en)).toEqual({ state: 'online', label: 'Online' });
    expect(headerPresence(open, null, true, en)).toEqual({ state: 'online', label: 'Online' });
    expect(headerPresence(open, false, true, en)).toEqual({ state: 'away', label: 'Replies may take a while' });
    expect(headerPresence(open, false, true, uk)).toEqual({ state: 'away', label: 'Відповідь може забаритися' });
  });

  it('offline while the connection is down, whoever is online, and outside business hours', () => {
    expect(headerPresence(open, true, false, en)).toEqual({ state: 'offline', label: 'Offline' });
    expect(headerPresence(open, false, false, uk)).toEqual({ state: 'offline', label: 'Офлайн' });
    expect(headerPresence(closed, true, true, en)).toEqual({ state: 'offline', label: 'Offline' });
  });
});

describe('handoffLine', () => {
  const online = { online: true, nextChangeAt: null, offHoursMessage: null };
  const offline = { online: false, nextChangeAt: null, offHoursMessage: null };

  it('while waiting for a person: connecting, or waiting outside hours', () => {
    expect(handoffLine('WAITING_FOR_HUMAN', online, en)).toBe('Connecting you to a person…');
    expect(handoffLine('WAITING_FOR_HUMAN', null, en)).toBe('Connecting you to a person…');
    expect(handoffLine('WAITING_FOR_HUMAN', offline, en)).toBe('Waiting for an operator');
    expect(handoffLine('WAITING_FOR_HUMAN', online, en, false)).toBe('Waiting for an operator');
    expect(handoffLine('WAITING_FOR_HUMAN', online, en, true)).toBe('Connecting you to a person…');
  });

  it('nothing once a person or the assistant has the chat', () => {
    expect(handoffLine('HUMAN', online, en)).toBeNull();
    expect(handoffLine('AI', offline, en)).toBeNull();
    expect(handoffLine(null, offline, en)).toBeNull();
  });
});

describe('checkEmail', () => {
  it('requires an email and catches obvious slips', () => {
    expect(checkEmail('  ')).toEqual({ ok: false, error: 'required' });
    expect(checkEmail('ann')).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail('ann@example')).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail('an n@example.com')).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail(` ${'a'.repeat(250)}@example.com`)).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail(' Ann@Example.com ')).toEqual({ ok: true, email: 'Ann@Example.com' });
  });
});
