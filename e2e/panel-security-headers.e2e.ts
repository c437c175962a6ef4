// The admin panel's security headers in real Chromium: every page (the pages of the screenshot
// test, pages-i18n.e2e.ts, plus the redirecting ones; the list is checked against app/**/page.tsx)
// answers with a Content-Security-Policy whose nonce is new on every load and sits on every script
// the server rendered, frame-ancestors 'none', X-Frame-Options, nosniff, Referrer-Policy and
// Permissions-Policy, each once; the browser reports no violation while each page does its work
// (the inbox's socket and an image attachment, the widget preview, the charts); API routes and
// static files carry the frame and nosniff headers; a page of another origin cannot frame the panel.
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { connectVisitor, type Visitor } from './support/inbox-support.js';
import { repoRoot } from './support/system.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 20_000 };

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// ---------------------------------------------------------------------------------------------
// Reading the headers
// ---------------------------------------------------------------------------------------------

type HeaderList = { name: string; value: string }[];

/** The one value of a header (fails when it is missing or sent twice: two policies would both apply). */
function single(headers: HeaderList, name: string, where: string): string {
  const values = headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  expect(values, `${where}: ${name}`).toHaveLength(1);
  return values[0]!;
}

/** The frame, sniffing, referrer and permissions headers every response of the panel carries. */
function expectEveryResponseHeaders(headers: HeaderList, where: string): void {
  expect(single(headers, 'x-frame-options', where), where).toBe('DENY');
  expect(single(headers, 'x-content-type-options', where), where).toBe('nosniff');
  expect(single(headers, 'referrer-policy', where), where).toBe('strict-origin-when-cross-origin');
  const permissions = single(headers, 'permissions-policy', where);
  for (const off of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(permissions, where).toContain(off);
  // What the panel uses stays allowed for itself.
  expect(permissions, where).toContain('clipboard-write=(self)');
  // Served over plain HTTP here: no HSTS.
  expect(
    headers.some((h) => h.name.toLowerCase() === 'strict-transport-security'),
    `${where}: HSTS over http`,
  ).toBe(false);
}

/** directive → its sources. */
function parseCsp(value: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Checks a page's policy and returns its nonce. */
function expectPagePolicy(headers: HeaderList, where: string): string {
  expectEveryResponseHeaders(headers, where);
  const csp = parseCsp(single(headers, 'content-security-policy', where));
  const script = csp.get('script-src') ?? [];
  const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${where}: a nonce in script-src`).toMatch(/^[A-Za-z0-9+/]{16,}={0,2}$/);
  expect(script, where).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
  // A production build: no eval, no inline scripts without the nonce.
  expect(script, where).not.toContain("'unsafe-eval'");
  expect(script, where).not.toContain("'unsafe-inline'");
  expect(csp.get('style-src'), where).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(csp.get('style-src-attr'), where).toEqual(["'unsafe-inline'"]);
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(csp.get('object-src'), where).toEqual(["'none'"]);
  expect(csp.get('base-uri'), where).toEqual(["'self'"]);
  expect(csp.get('form-action'), where).toEqual(["'self'"]);
  expect(csp.get('default-src'), where).toEqual(["'self'"]);
  expect(csp.get('connect-src'), where).toEqual(["'self'", apiUrl, apiUrl.replace(/^http/, 'ws')]);
  expect(csp.get('img-src'), where).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:', apiUrl]));
  expect(csp.get('frame-src'), where).toEqual([widgetUrl]);
  expect(csp.has('upgrade-insecure-requests'), `${where}: upgrade-insecure-requests over http`).toBe(false);
  return nonce!;
}

/** Every <script> tag of the server's HTML carries `nonce` (Next.js put it there from the request's policy). */
function expectScriptsCarry(html: string, nonce: string, where: string): void {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `${where}: scripts in the HTML`).toBeGreaterThan(0);
  expect(
    tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
    `${where}: scripts without this response's nonce`,
  ).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Watching what the browser refuses
// ---------------------------------------------------------------------------------------------

type Watch = {
  /** securitypolicyviolation events of the page and its frames: "directive blocked-uri (source:line) sample". */
  violations: string[];
  /** Console messages about the policies (CSP, Permissions-Policy, framing). */
  console: string[];
};

const POLICY_CONSOLE = /Content Security Policy|Content-Security-Policy|Permissions-Policy|Permissions policy|X-Frame-Options|Refused to/i;

/** Records violations and policy console messages in every page and frame of `context`. */
async function watch(context: BrowserContext): Promise<Watch> {
  const seen: Watch = { violations: [], console: [] };
  await context.exposeBinding('__chatiqReportViolation', (_source, text: string) => {
    seen.violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __chatiqReportViolation: (text: string) => void }).__chatiqReportViolation;
      void report(`${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  context.on('console', (message) => {
    if (POLICY_CONSOLE.test(message.text())) seen.console.push(message.text());
  });
  return seen;
}

/**
 * A barrier, then the verdict: the page loads an image from a host the policy does not allow;
 * once that violation and its console line arrived (events are reported in order), everything
 * refused before it has been reported too. Returns what was refused besides the sentinel.
 */
async function refusedOn(page: Page, seen: Watch, label: string): Promise<string[]> {
  const sentinel = `https://csp-sentinel.invalid/${label}-${Date.now().toString(36)}.png`;
  await page.evaluate((src) => {
    const img = new Image();
    img.src = src;
  }, sentinel);
  await expect.poll(() => seen.violations.some((v) => v.includes(sentinel)), WAIT).toBe(true);
  await expect.poll(() => seen.console.some((c) => c.includes(sentinel)), WAIT).toBe(true);
  const refused = [...seen.violations.filter((v) => !v.includes(sentinel)), ...seen.console.filter((c) => !c.includes(sentinel))];
  seen.violations.length = 0;
  seen.console.length = 0;
  return refused.map((r) => `${label}: ${r}`);
}

// ---------------------------------------------------------------------------------------------
// The pages
// ---------------------------------------------------------------------------------------------

type PageSpec = {
  name: string;
  path: string;
  /** The route file(s) this visit renders (app/…/page.tsx without route groups), for the coverage check. */
  routes: string[];
  ready?: (page: Page) => Promise<void>;
};

/** Routes of admin-panel/app: every page.tsx, its directory without route groups such as (app). */
function panelRoutes(dir = path.join(repoRoot, 'admin-panel', 'app'), prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name === 'api') continue;
      const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
      routes.push(...panelRoutes(path.join(dir, entry.name), `${prefix}${segment}`));
    } else if (entry.name === 'page.tsx') routes.push(prefix || '/');
  }
  return routes.sort();
}

const PUBLIC_PAGES: PageSpec[] = [
  { name: 'login', path: '/login', routes: ['/login'] },
  { name: 'register', path: '/register', routes: ['/register'] },
  { name: 'forgot-password', path: '/forgot-password', routes: ['/forgot-password'] },
  { name: 'reset-password', path: '/reset-password?token=e2e-unknown', routes: ['/reset-password'] },
  { name: 'accept-invite', path: '/accept-invite?token=e2e-unknown', routes: ['/accept-invite'] },
];

type Fixture = { owner: Owner; siteId: string; chatId: string; visitor: Visitor; question: string };

function appPages(f: Fixture): PageSpec[] {
  const site = `?site=${f.siteId}`;
  const settingsTab = (page: Page) => page.locator('.settings-tabs a[aria-current="page"]').waitFor(WAIT);
  return [
    // "/" sends a signed-in operator to the inbox.
    { name: 'home', path: '/', routes: ['/'], ready: (page) => page.waitForURL(`${adminUrl}/inbox`, WAIT) },
    {
      name: 'inbox',
      path: `/inbox?chat=${f.chatId}`,
      routes: ['/inbox'],
      ready: async (page) => {
        await page.locator('.message', { hasText: f.question }).waitFor(WAIT);
        // The socket (connect-src ws:): a message the visitor sends now arrives live.
        const live = `Still there? ${Date.now().toString(36)}`;
        await f.visitor.say(live);
        await page.locator('.message', { hasText: live }).waitFor(WAIT);
        // An image attachment: uploaded to the API, shown from a blob: URL.
        await page.getByTestId('attachment-input').setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: PNG });
        const image = page.locator('.message[data-author="operator"]').getByTestId('attachment-image');
        await image.waitFor(WAIT);
        await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), WAIT).toBe(1);
      },
    },
    { name: 'visitors', path: '/visitors', routes: ['/visitors'], ready: (page) => page.getByText('Hanna Visitor').first().waitFor(WAIT) },
    { name: 'sites', path: '/sites', routes: ['/sites'], ready: (page) => page.getByText('Headers shop').first().waitFor(WAIT) },
    // "/settings" opens its first tab.
    {
      name: 'settings',
      path: '/settings',
      routes: ['/settings'],
      ready: async (page) => {
        await page.waitForURL(/\/settings\/widget/, WAIT);
        await settingsTab(page);
      },
    },
    ...['ai', 'business-hours', 'auto-replies', 'templates', 'welcome'].map((tab) => ({
      name: `settings-${tab}`,
      path: `/settings/${tab}${site}`,
      routes: [`/settings/${tab}`],
      ready: settingsTab,
    })),
    {
      name: 'settings-widget',
      path: `/settings/widget${site}`,
      routes: ['/settings/widget'],
      ready: async (page) => {
        await settingsTab(page);
        // The live preview: the real widget in its frame (frame-src), ready and drawn.
        await page.locator('[data-testid="widget-preview"][data-state="ready"]').waitFor(WAIT);
        const frame = page.frameLocator('[data-testid="widget-preview-frame"]');
        await frame.locator('.chatiq-panel').waitFor({ state: 'visible', ...WAIT });
        await frame.locator('.chatiq-msg[data-author="ai"]').first().waitFor(WAIT);
      },
    },
    {
      name: 'team',
      path: `/settings/team${site}`,
      routes: ['/settings/team'],
      ready: (page) => page.getByText(f.owner.name).first().waitFor(WAIT),
    },
    {
      name: 'analytics',
      path: '/analytics',
      routes: ['/analytics'],
      // The charts (SVG with style attributes: style-src-attr).
      ready: (page) => page.locator('.recharts-surface').first().waitFor(WAIT),
    },
    {
      name: 'profile',
      path: '/profile',
      routes: ['/profile'],
      ready: async (page) => {
        // A picture: uploaded to the API, shown from the API's origin (img-src).
        await page.getByTestId('avatar-input').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
        const image = page.locator('.profile-avatar img');
        await image.waitFor(WAIT);
        await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), WAIT).toBe(256);
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------

describe('admin panel security headers', () => {
  let browser: Browser;
  let fixture: Fixture;
  let framer: Server;
  let framerUrl: string;

  beforeAll(async () => {
    const owner = await registerOwner(apiUrl, 'headers');
    const site = await createSite(apiUrl, owner.token, 'Headers shop', [widgetUrl]);
    const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, 'Hanna Visitor');
    const question = 'Is the blue kettle back in stock?';
    const { chatId } = await visitor.say(question);
    fixture = { owner, siteId: site.id, chatId, visitor, question };
    browser = await launchBrowser();
    // A site of another origin (another port) that tries to frame the panel, beside a frame that may load.
    framer = createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x').searchParams.get('frame') ?? '/login';
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><title>Framer</title><script>window.loaded = [];</script>
        <iframe id="panel" src="${adminUrl}${target}" onload="loaded.push('panel')" width="800" height="600"></iframe>
        <iframe id="control" src="${widgetUrl}/preview.html" onload="loaded.push('control')" width="400" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    fixture?.visitor.close();
    await browser?.close();
    await new Promise((resolve) => framer?.close(resolve));
  });

  it('visits every page of the panel', () => {
    const visited = [...PUBLIC_PAGES, ...appPages({} as Fixture)].flatMap((spec) => spec.routes).sort();
    expect(visited).toEqual(panelRoutes());
  });

  /** Opens each page: its headers and HTML, what it does, and nothing refused meanwhile. Returns the nonces. */
  async function visit(page: Page, seen: Watch, specs: PageSpec[]): Promise<{ nonces: string[]; refused: string[] }> {
    const nonces: string[] = [];
    const refused: string[] = [];
    for (const spec of specs) {
      const response = (await page.goto(`${adminUrl}${spec.path}`)) as Response;
      expect(response.ok(), `${spec.name}: ${response.status()}`).toBe(true);
      const nonce = expectPagePolicy(await response.headersArray(), spec.name);
      expectScriptsCarry(await response.text(), nonce, spec.name);
      await page.locator('h1, h2').first().waitFor(WAIT);
      if (spec.ready) await spec.ready(page);
      refused.push(...(await refusedOn(page, seen, spec.name)));
      nonces.push(nonce);
    }
    return { nonces, refused };
  }

  it('the account pages: headers, a nonce per load, nothing refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const seen = await watch(context);
    const page = await context.newPage();
    const { nonces, refused } = await visit(page, seen, [...PUBLIC_PAGES, PUBLIC_PAGES[0]!]);
    await context.close();
    expect(refused).toEqual([]);
    // Every load its own nonce, the same page loaded twice included.
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('the signed-in pages: headers, the socket, attachments, the widget preview and charts work with nothing refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const seen = await watch(context);
    const page = await context.newPage();
    // Signing in posts next-auth's form by fetch (connect-src, form-action 'self').
    await signInPage(page, adminUrl, fixture.owner);
    expect(await refusedOn(page, seen, 'sign-in')).toEqual([]);
    const { nonces, refused } = await visit(page, seen, appPages(fixture));
    // A client-side navigation (the RSC payload) under the same policy.
    await page.locator('a[href="/visitors"]').first().click();
    await page.waitForURL(`${adminUrl}/visitors`, WAIT);
    await page.getByText('Hanna Visitor').first().waitFor(WAIT);
    refused.push(...(await refusedOn(page, seen, 'client-navigation')));
    await context.close();
    expect(refused).toEqual([]);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('the policy is enforced: injected markup runs no script and adds no stylesheet', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const seen = await watch(context);
    const page = await context.newPage();
    await page.goto(`${adminUrl}/login`);
    await page.locator('h1').waitFor(WAIT);
    // What an HTML injection would add: an inline event handler, a stylesheet, a style attribute.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'injected';
      box.innerHTML =
        '<img src="data:," onerror="window.__injected = true">' +
        '<style>body { --injected: yes; }</style>' +
        '<span style="display: inline-block; width: 123px"></span>';
      document.body.append(box);
    });
    await expect.poll(() => seen.violations.filter((v) => v.startsWith('script-src-attr inline')), WAIT).toHaveLength(1);
    await expect.poll(() => seen.violations.filter((v) => v.startsWith('style-src-elem inline')), WAIT).toHaveLength(1);
    const after = await page.evaluate(() => ({
      ran: (window as unknown as { __injected?: boolean }).__injected === true,
      stylesheet: getComputedStyle(document.body).getPropertyValue('--injected'),
      // A style attribute applies (style-src-attr 'unsafe-inline': React renders them).
      width: getComputedStyle(document.querySelector('#injected span')!).width,
    }));
    expect(after).toEqual({ ran: false, stylesheet: '', width: '123px' });
    await context.close();
  });

  it('a page of another origin cannot frame the panel, signed in or not', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    await signInPage(page, adminUrl, fixture.owner);
    for (const target of ['/login', `/settings/widget?site=${fixture.siteId}`, '/sites', '/inbox']) {
      refusals.length = 0;
      await page.goto(`${framerUrl}/?frame=${encodeURIComponent(target)}`);
      // Both frames finished loading (a refused frame loads Chromium's error page).
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { loaded: string[] }).loaded.slice().sort()), WAIT)
        .toEqual(['control', 'panel']);
      // The control frame of another origin (the widget's preview) loaded: framing itself works here…
      const control = await (await page.$('#control'))!.contentFrame();
      expect(control?.url()).toBe(`${widgetUrl}/preview.html`);
      await control!.locator('#chatiq-widget-host').waitFor({ state: 'attached', ...WAIT });
      // …and the panel's did not: no page, no form, and Chromium says why.
      const panel = await (await page.$('#panel'))!.contentFrame();
      expect(panel?.url(), target).toMatch(/^chrome-error:/);
      expect(await panel!.locator('input, nav, form').count(), target).toBe(0);
      expect(await panel!.title(), target).not.toContain('ChatIQ');
      await expect.poll(() => refusals.length, WAIT).toBeGreaterThan(0);
      expect(refusals[0]).toContain(`Framing '${adminUrl}/'`);
      expect(refusals[0]).toContain("frame-ancestors 'none'");
    }
    await context.close();
  });

  it('API routes and static files carry the frame and nosniff headers; HSTS only over HTTPS', async () => {
    const login = await fetch(`${adminUrl}/login`);
    const html = await login.text();
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    const stylesheet = html.match(/\/_next\/static\/[^"]+\.css/)?.[0];
    expect(asset).toBeDefined();
    expect(stylesheet).toBeDefined();
    const list = (response: globalThis.Response): HeaderList => [...response.headers].map(([name, value]) => ({ name, value }));
    for (const url of ['/api/health', '/api/auth/session', '/api/auth/providers', '/icon.svg', asset!, stylesheet!]) {
      const response = await fetch(`${adminUrl}${url}`);
      expect(response.ok, url).toBe(true);
      expectEveryResponseHeaders(list(response), url);
    }
    // API routes: JSON and next-auth's few HTML pages, without scripts.
    const api = parseCsp((await fetch(`${adminUrl}/api/health`)).headers.get('content-security-policy') ?? '');
    expect(api.get('default-src')).toEqual(["'none'"]);
    expect(api.get('frame-ancestors')).toEqual(["'none'"]);
    expect(api.has('script-src')).toBe(false);

    // Behind a TLS-terminating proxy: HSTS, and insecure subresource URLs are upgraded.
    const behindTls = await fetch(`${adminUrl}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(parseCsp(behindTls.headers.get('content-security-policy') ?? '').has('upgrade-insecure-requests')).toBe(true);
    const apiBehindTls = await fetch(`${adminUrl}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(apiBehindTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // The nonce is new per response here too.
    const nonceOf = (r: globalThis.Response) => r.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonceOf(login)).toBeDefined();
    expect(nonceOf(login)).not.toBe(nonceOf(behindTls));
  });

  it('checks something real: a policy without the nonce, or a second copy of a header, fails the checks', () => {
    const good: HeaderList = [
      { name: 'x-frame-options', value: 'DENY' },
      { name: 'x-content-type-options', value: 'nosniff' },
      { name: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
      { name: 'permissions-policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), clipboard-write=(self)' },
    ];
    expect(() => expectEveryResponseHeaders(good, 'good')).not.toThrow();
    expect(() => expectEveryResponseHeaders([...good, { name: 'X-Frame-Options', value: 'DENY' }], 'twice')).toThrow();
    expect(() => expectEveryResponseHeaders([...good, { name: 'strict-transport-security', value: 'max-age=1' }], 'hsts')).toThrow();
    const policy = `default-src 'self'; script-src 'self' 'strict-dynamic'; frame-ancestors 'none'`;
    expect(() => expectPagePolicy([...good, { name: 'content-security-policy', value: policy }], 'no nonce')).toThrow();
    expect(() => expectScriptsCarry('<script nonce="abc"></script><script src="/x.js"></script>', 'abc', 'html')).toThrow();
    expect(() => expectScriptsCarry('<script nonce="abc"></script>', 'abc', 'html')).not.toThrow();
  });
});
