// What a connected widget is told: `business:status` at join and at each boundary (with a clock
// the test controls), and `welcome:message` in the visitor's language while they have no open chat.
import type { AuthResponse, BusinessStatusPayload, CreatedSiteDto, WelcomeMessagePayload } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteOver } from '../../test/support/automation.js';
import {
  api,
  collect,
  connectWidget,
  newClientId,
  nextEvent,
  ok,
  registerOwner,
  type WidgetSocket,
  widgetRoundTrip,
} from '../../test/support/clients.js';
import { type ControlledClock, controlClock } from '../../test/support/clock.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { ChatEventsService, LISTENER_ORDER } from '../events/chat-events.service.js';

describe('business status and welcome on the widget', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let clock: ControlledClock;
  const sockets: WidgetSocket[] = [];

  /** Connects and joins; resolves with the status and the welcome (if one came) sent for this join. */
  async function join(site: CreatedSiteDto, payload: { locale?: string; visitorId?: string } = {}) {
    const socket = await connectWidget(t.url, site.publicId);
    sockets.push(socket);
    const status = nextEvent<BusinessStatusPayload>(socket, 'business:status');
    const welcome: WelcomeMessagePayload[] = [];
    socket.on('welcome:message', (w) => welcome.push(w));
    const joined = ok(await socket.emitWithAck('visitor:join', payload));
    return { socket, visitorId: joined.visitorId, status: await status, welcome };
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOMATION_TICK_MS: '50' });
    clock = controlClock([t.app]);
    owner = await registerOwner(t.url, 'hours');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('flips `business:status` on a connected widget exactly at the boundary, across a DST change', async () => {
    // Monday 9 March 2026, the day after New York moved to daylight time: 09:00 EDT is 13:00 UTC
    // (a DST-naive schedule would open at 14:00 UTC).
    await clock.set('2026-03-09T12:58:00.000Z');
    const site = await createSiteOver(t.url, owner.accessToken, 'New York shop');
    const put = await api(t.url, 'PUT', `/sites/${site.id}/business-hours`, {
      token: owner.accessToken,
      body: {
        timezone: 'America/New_York',
        weekly: [{ weekday: 1, open: '09:00', close: '17:00' }],
        offHoursMessage: 'We open at 9 am Eastern',
      },
    });
    expect(put.status).toBe(200);
    const { socket, status } = await join(site);
    expect(status).toEqual({ online: false, nextChangeAt: '2026-03-09T13:00:00.000Z', offHoursMessage: 'We open at 9 am Eastern' });

    // A millisecond before the boundary: nothing, after a whole tick at that time (and a round
    // trip on the socket, behind anything the tick sent it).
    const pushed = collect<BusinessStatusPayload>(socket, 'business:status');
    await clock.set('2026-03-09T12:59:59.999Z');
    await widgetRoundTrip(socket);
    expect(pushed).toEqual([]);

    await clock.set('2026-03-09T13:00:00.000Z');
    await widgetRoundTrip(socket);
    expect(pushed).toEqual([{ online: true, nextChangeAt: '2026-03-09T21:00:00.000Z', offHoursMessage: null }]);
    await clock.fullTick();
    await clock.fullTick();
    await widgetRoundTrip(socket);
    expect(pushed).toHaveLength(1); // once, not every tick

    const closed = nextEvent<BusinessStatusPayload>(socket, 'business:status');
    await clock.set('2026-03-09T21:00:00.500Z');
    // Closed until next Monday 09:00 EDT.
    expect(await closed).toEqual({ online: false, nextChangeAt: '2026-03-16T13:00:00.000Z', offHoursMessage: 'We open at 9 am Eastern' });
    expect((await t.prisma.businessHours.findUniqueOrThrow({ where: { siteId: site.id } })).announcedOnline).toBe(false);
  });

  it('pushes a changed status at once when the owner changes the hours, and only then', async () => {
    await clock.set('2026-07-01T10:00:00.000Z'); // a Wednesday
    const site = await createSiteOver(t.url, owner.accessToken, 'Kyiv shop');
    const { socket, status } = await join(site);
    expect(status).toEqual({ online: true, nextChangeAt: null, offHoursMessage: null }); // no hours: always online

    const put = (body: object) => api(t.url, 'PUT', `/sites/${site.id}/business-hours`, { token: owner.accessToken, body });
    const pushed = nextEvent<BusinessStatusPayload>(socket, 'business:status');
    // 13:00 in Kyiv (EEST, UTC+3); closed on Wednesdays.
    await put({ timezone: 'Europe/Kyiv', weekly: [{ weekday: 4, open: '09:00', close: '18:00' }] });
    expect(await pushed).toEqual({ online: false, nextChangeAt: '2026-07-02T06:00:00.000Z', offHoursMessage: null });

    // The same hours again change nothing the widget shows: no push (the PUT pushes before it
    // answers, and the round trip comes after anything sent before it).
    const later = collect<BusinessStatusPayload>(socket, 'business:status');
    await put({ timezone: 'Europe/Kyiv', weekly: [{ weekday: 4, open: '09:00', close: '18:00' }] });
    await clock.fullTick();
    await widgetRoundTrip(socket);
    expect(later).toEqual([]);

    // Open on Wednesdays too, overnight into Thursday.
    const reopened = nextEvent<BusinessStatusPayload>(socket, 'business:status');
    await put({ timezone: 'Europe/Kyiv', weekly: [{ weekday: 3, open: '12:00', close: '02:00' }] });
    expect(await reopened).toEqual({ online: true, nextChangeAt: '2026-07-01T23:00:00.000Z', offHoursMessage: null });
  });

  it('greets in the visitor’s language, else "*", else the widget’s welcome text; not with an open chat', async () => {
    await clock.set(new Date());
    const site = await createSiteOver(t.url, owner.accessToken, 'Polyglot');
    const plain = await join(site, { locale: 'uk-UA' });
    await waitForWelcome(plain.welcome);
    expect(plain.welcome).toEqual([{ text: 'Hi! How can we help you?' }]); // the widget settings' default

    await api(t.url, 'PUT', `/sites/${site.id}/welcome-messages`, {
      token: owner.accessToken,
      body: {
        messages: [
          { language: 'uk', text: 'Вітаємо в {site.name}!' },
          { language: 'en', text: 'Welcome to {site.name}!' },
          { language: '*', text: 'Hello / Привіт' },
        ],
      },
    });
    const ukrainian = await join(site, { locale: 'uk-UA' });
    const english = await join(site, { locale: 'en-GB' });
    const german = await join(site, { locale: 'de' });
    for (const j of [ukrainian, english, german]) await waitForWelcome(j.welcome);
    expect(ukrainian.welcome).toEqual([{ text: 'Вітаємо в Polyglot!' }]);
    expect(english.welcome).toEqual([{ text: 'Welcome to Polyglot!' }]);
    expect(german.welcome).toEqual([{ text: 'Hello / Привіт' }]);

    // Once the visitor has an open chat, joining again (a reload, another tab) greets no more.
    ok(await english.socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hi' }));
    // Barrier: a listener of the same event after automation's runs once automation's has finished.
    const joinsHandled: string[] = [];
    t.app.get(ChatEventsService).on('widgetJoined', ({ socketId }) => void joinsHandled.push(socketId), LISTENER_ORDER.automation + 1);
    const again = await join(site, { locale: 'en-GB', visitorId: english.visitorId });
    expect(again.status.online).toBe(true);
    await eventually('automation handled the join', () => joinsHandled.includes(again.socket.id!));
    await widgetRoundTrip(again.socket);
    expect(again.welcome).toEqual([]);
  });
});

async function waitForWelcome(welcome: WelcomeMessagePayload[]): Promise<void> {
  await eventually('a welcome:message', () => welcome.length > 0);
}
