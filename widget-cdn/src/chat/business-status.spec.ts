import { describe, expect, it } from 'vitest';
import en from '../i18n/en.js';
import uk from '../i18n/uk.js';
import { businessView, handoffLine, headerPresence } from './business-status.js';
import { checkEmail, planLeaveMessage } from './email.js';

describe('businessView', () => {
  it('shows nothing before the server said', () => {
    expect(businessView(null, null, en)).toEqual({ offHoursText: null, showForm: false, confirmation: null });
  });

  it('within business hours: no off-hours card', () => {
    expect(businessView({ online: true, nextChangeAt: null, offHoursMessage: null }, null, en)).toEqual({
      offHoursText: null,
      showForm: false,
      confirmation: null,
    });
  });

  it("offline: the site's own message and the form", () => {
    const view = businessView(
      { online: false, nextChangeAt: '2026-11-23T07:00:00.000Z', offHoursMessage: ' Back on Monday at 9. ' },
      null,
      en,
    );
    expect(view).toEqual({
      offHoursText: 'Back on Monday at 9.',
      showForm: true,
      confirmation: null,
    });
  });

  it('offline without a message of its own: the default, in the widget language', () => {
    const status = { online: false, nextChangeAt: null, offHoursMessage: null };
    expect(businessView(status, null, en).offHoursText).toBe(en.offHoursDefault);
    expect(businessView(status, null, uk).offHoursText).toBe(uk.offHoursDefault);
    expect(businessView({ ...status, offHoursMessage: '   ' }, null, en).offHoursText).toBe(en.offHoursDefault);
  });

  it('after the visitor left their email: a confirmation instead of the form', () => {
    const view = businessView({ online: false, nextChangeAt: null, offHoursMessage: null }, 'ann@example.com', en);
    expect(view.showForm).toBe(false);
    expect(view.confirmation).toBe('Thank you! We will reply to ann@example.com.');
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

describe('checkEmail / planLeaveMessage', () => {
  it('requires an email and catches obvious slips', () => {
    expect(checkEmail('  ')).toEqual({ ok: false, error: 'required' });
    expect(checkEmail('ann')).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail('ann@example')).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail('an n@example.com')).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail(` ${'a'.repeat(250)}@example.com`)).toEqual({ ok: false, error: 'invalid' });
    expect(checkEmail(' Ann@Example.com ')).toEqual({ ok: true, email: 'Ann@Example.com' });
  });

  it('identifies with the email, the name only when given, and the message as a normal message', () => {
    expect(planLeaveMessage({ name: ' ', email: 'ann@example.com', message: ' Call me back ' })).toEqual({
      ok: true,
      identify: { email: 'ann@example.com' },
      message: 'Call me back',
    });
    expect(planLeaveMessage({ name: ' Ann ', email: 'ann@example.com', message: '' })).toEqual({
      ok: true,
      identify: { email: 'ann@example.com', name: 'Ann' },
      message: null,
    });
  });

  it('points at the email field when it is missing or wrong', () => {
    expect(planLeaveMessage({ name: 'Ann', email: '', message: 'hi' })).toEqual({ ok: false, field: 'email', error: 'required' });
    expect(planLeaveMessage({ name: 'Ann', email: 'nope', message: 'hi' })).toEqual({ ok: false, field: 'email', error: 'invalid' });
  });
});
