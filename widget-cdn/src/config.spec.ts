import { launcherLook, readableTextColor, type SavedLook } from '@chatiq/contracts/protocol';
import { describe, expect, it } from 'vitest';
import {
  type ConfigResult,
  firstDefined,
  MISSING_SITE_ID_WARNING,
  resolveConfig,
  siteIdOf,
  type WidgetConfig,
  withSavedLook,
} from './config.js';

const BUILD_API = 'http://localhost:3000';

function configOf(result: ConfigResult): WidgetConfig {
  if (!result.ok) throw new Error(`expected a config, got: ${result.warning}`);
  return result.config;
}

describe('resolveConfig', () => {
  describe('embed forms', () => {
    it('reads the recommended window.chtq object', () => {
      const result = resolveConfig(
        { siteId: 'site_demo', language: 'uk', color: '#10B981', position: 'left', size: 'large', apiUrl: 'https://api.example.com/' },
        {},
        'en-US',
        BUILD_API,
      );
      expect(result).toEqual({
        ok: true,
        warnings: [],
        config: {
          siteId: 'site_demo',
          language: 'uk',
          color: '#10B981',
          position: 'left',
          size: 'large',
          apiUrl: 'https://api.example.com',
          title: null,
          embedded: ['language', 'color', 'position', 'size'],
          preview: false,
        },
      });
    });

    it('accepts organizationId in window.chtq as the site id', () => {
      expect(configOf(resolveConfig({ organizationId: 'org_site_1' }, undefined, 'en', BUILD_API)).siteId).toBe('org_site_1');
    });

    it('reads the legacy data-site-id script tag', () => {
      const config = configOf(resolveConfig(undefined, { siteId: 'site_legacy' }, 'en', BUILD_API));
      expect(config.siteId).toBe('site_legacy');
      expect(config.position).toBe('right');
    });

    it('reads the legacy data-project-id tag with its title and position', () => {
      const config = configOf(
        resolveConfig(undefined, { projectId: 'proj_42', title: 'Write to us', position: 'left' }, 'uk-UA', BUILD_API),
      );
      expect(config).toMatchObject({ siteId: 'proj_42', title: 'Write to us', position: 'left', language: 'uk' });
    });

    it('prefers window.chtq over the script tag, field by field', () => {
      const config = configOf(
        resolveConfig({ siteId: 'from_global', size: 'compact' }, { siteId: 'from_tag', size: 'large', position: 'left' }, 'en', BUILD_API),
      );
      expect(config).toMatchObject({ siteId: 'from_global', size: 'compact', position: 'left' });
    });
  });

  describe('defaults', () => {
    it('fills every option left out', () => {
      expect(configOf(resolveConfig({ siteId: 'site_demo' }, {}, 'en-GB', BUILD_API))).toEqual({
        siteId: 'site_demo',
        language: 'en',
        color: '#2563eb',
        position: 'right',
        size: 'standard',
        apiUrl: BUILD_API,
        title: null,
        embedded: [],
        preview: false,
      });
    });

    it('takes the language from the browser: uk for Ukrainian, en otherwise', () => {
      const languageFor = (navigatorLanguage: string | undefined) =>
        configOf(resolveConfig({ siteId: 's' }, {}, navigatorLanguage, BUILD_API)).language;
      expect(languageFor('uk')).toBe('uk');
      expect(languageFor('uk-UA')).toBe('uk');
      expect(languageFor('en-US')).toBe('en');
      expect(languageFor('de-DE')).toBe('en');
      expect(languageFor(undefined)).toBe('en');
    });

    it('lets an explicit language win over the browser', () => {
      expect(configOf(resolveConfig({ siteId: 's', language: 'en' }, {}, 'uk-UA', BUILD_API)).language).toBe('en');
      expect(configOf(resolveConfig({ siteId: 's', language: 'uk' }, {}, 'en-US', BUILD_API)).language).toBe('uk');
    });
  });

  describe('site id', () => {
    it('refuses to start without one, with one clear warning', () => {
      expect(resolveConfig(undefined, undefined, 'en', BUILD_API)).toEqual({ ok: false, warning: MISSING_SITE_ID_WARNING });
      expect(resolveConfig({ language: 'uk' }, {}, 'en', BUILD_API)).toEqual({ ok: false, warning: MISSING_SITE_ID_WARNING });
      expect(resolveConfig({ siteId: '' }, { siteId: '' }, 'en', BUILD_API)).toEqual({ ok: false, warning: MISSING_SITE_ID_WARNING });
      expect(MISSING_SITE_ID_WARNING).toMatch(/^\[ChatIQ\] /);
    });

    it('refuses ids that are not text of 1 to 64 characters', () => {
      for (const siteId of ['   ', 'x'.repeat(65), { id: 1 }, true]) {
        const result = resolveConfig({ siteId }, {}, 'en', BUILD_API);
        expect(result.ok, JSON.stringify(siteId)).toBe(false);
        // One short warning for a missing or an invalid id: it ships in the loader (widget.js).
        if (!result.ok) expect(result.warning).toBe(MISSING_SITE_ID_WARNING);
      }
    });

    it('trims the id and accepts a numeric one', () => {
      expect(configOf(resolveConfig({ siteId: '  site_demo  ' }, {}, 'en', BUILD_API)).siteId).toBe('site_demo');
      expect(configOf(resolveConfig({ organizationId: 1234 }, {}, 'en', BUILD_API)).siteId).toBe('1234');
    });
  });

  describe('what the embed set itself (it wins over the site settings)', () => {
    it('lists the valid fields the page gave, from either embed form', () => {
      expect(configOf(resolveConfig({ siteId: 's', color: '#10b981', language: 'fr' }, {}, 'en', BUILD_API)).embedded).toEqual(['color']);
      expect(
        configOf(resolveConfig(undefined, { projectId: 'p', title: 'Write to us', position: 'left' }, 'en', BUILD_API)).embedded,
      ).toEqual(['position', 'title']);
    });
  });

  describe('preview', () => {
    it('needs no site id', () => {
      expect(configOf(resolveConfig({ preview: true, language: 'uk' }, {}, 'en', BUILD_API))).toMatchObject({
        siteId: 'preview',
        preview: true,
        language: 'uk',
      });
      expect(resolveConfig({ preview: 'yes' }, {}, 'en', BUILD_API).ok).toBe(false);
    });
  });

  describe('unknown values', () => {
    it('falls back to the defaults and says which values it ignored', () => {
      const result = resolveConfig(
        { siteId: 's', language: 'fr', color: 'red; background: url(x)', position: 'top', size: 'huge' },
        {},
        'uk',
        BUILD_API,
      );
      expect(configOf(result)).toMatchObject({ language: 'uk', color: '#2563eb', position: 'right', size: 'standard' });
      expect(result.ok && result.warnings).toEqual([
        'language "fr" is not supported, using "uk"',
        'color "red; background: url(x)" is not supported, using "#2563eb"',
        'position "top" is not supported, using "right"',
        'size "huge" is not supported, using "standard"',
      ]);
    });

    it('normalizes the case of known values', () => {
      expect(
        configOf(resolveConfig({ siteId: 's', language: 'UK', position: 'Left', size: 'COMPACT' }, {}, 'en', BUILD_API)),
      ).toMatchObject({
        language: 'uk',
        position: 'left',
        size: 'compact',
      });
    });

    it('accepts 3, 4, 6 and 8 digit hex colours only', () => {
      const colorOf = (color: string) => configOf(resolveConfig({ siteId: 's', color }, {}, 'en', BUILD_API)).color;
      expect(colorOf('#abc')).toBe('#abc');
      expect(colorOf('#abcd')).toBe('#abcd');
      expect(colorOf('#10b981')).toBe('#10b981');
      expect(colorOf('#10b98180')).toBe('#10b98180');
      expect(colorOf('#10b98')).toBe('#2563eb');
      expect(colorOf('rgb(0,0,0)')).toBe('#2563eb');
    });
  });

  describe('API URL', () => {
    it('prefers window.chtq.apiUrl, then data-api-url, then the build default', () => {
      const apiUrlOf = (global: object, dataset: Record<string, string>) =>
        configOf(resolveConfig({ siteId: 's', ...global }, dataset, 'en', 'https://build.example.com')).apiUrl;
      expect(apiUrlOf({ apiUrl: 'https://global.example.com' }, { apiUrl: 'https://tag.example.com' })).toBe('https://global.example.com');
      expect(apiUrlOf({}, { apiUrl: 'https://tag.example.com' })).toBe('https://tag.example.com');
      expect(apiUrlOf({}, {})).toBe('https://build.example.com');
    });

    it('drops trailing slashes and keeps a path prefix', () => {
      const config = configOf(resolveConfig({ siteId: 's', apiUrl: 'https://example.com/chat-api/' }, {}, 'en', BUILD_API));
      expect(config.apiUrl).toBe('https://example.com/chat-api');
    });

    it('ignores a URL that is not http(s) and falls through to the next source', () => {
      const result = resolveConfig({ siteId: 's', apiUrl: 'javascript:alert(1)' }, { apiUrl: 'https://tag.example.com' }, 'en', BUILD_API);
      expect(configOf(result).apiUrl).toBe('https://tag.example.com');
      expect(result.ok && result.warnings).toEqual(['apiUrl "javascript:alert(1)" is not an http(s) URL, ignoring it']);
    });
  });
});

describe("the loader's reading (siteIdOf, the API's launcherLook)", () => {
  // widget.js sends the embed's look fields (window.chtq's, else the data attributes', as text) to
  // the API, which answers the launcher's look by `launcherLook` with the saved settings; the chat
  // bundle then resolves the whole configuration with resolveConfig + withSavedLook. The launcher
  // must not change when the bundle takes over.
  const inputs: [unknown, Record<string, string | undefined>, string | undefined][] = [
    [{ siteId: 's' }, {}, 'en-US'],
    [{ siteId: 's', language: 'UK', color: '#10b981', position: ' Left ', size: 'COMPACT' }, {}, 'en'],
    [{ siteId: 's', language: 'fr', color: 'red', position: 'top', size: 'huge' }, {}, 'uk-UA'],
    [{ siteId: 's', language: 'ua', color: '#fff', position: 'left foo', size: 'large' }, {}, undefined],
    [{ siteId: 's', color: 'url(x)', position: 42, size: { a: 1 } }, { language: 'en-GB', position: 'left' }, 'uk'],
    [undefined, { siteId: 'legacy', position: 'left', size: 'large', color: '#E11D48', language: 'uk' }, 'en'],
    [{ organizationId: 7, language: ' en_US ' }, { projectId: 'p', title: 'Hi' }, 'uk'],
    [{ siteId: 's', language: 'ukr', color: '#abcd' }, {}, 'de'],
  ];
  const saved: SavedLook[] = [
    { color: '#2563eb', position: 'right', size: 'standard', language: 'en', ownerSet: [] },
    { color: '#0f766e', position: 'left', size: 'large', language: 'uk', ownerSet: ['color', 'position', 'size', 'language'] },
    { color: '#fde047', position: 'left', size: 'compact', language: 'en', ownerSet: ['language'] },
    { color: '#111111', position: 'right', size: 'standard', language: 'uk', ownerSet: ['color'] },
  ];
  /** What the loader puts in the query. */
  const embedOf = (globalConfig: unknown, dataset: Record<string, string | undefined>) =>
    Object.fromEntries(
      ['language', 'color', 'position', 'size'].flatMap((name) => {
        const value = firstDefined((globalConfig as Record<string, unknown> | undefined)?.[name], dataset[name]);
        return value === undefined ? [] : [[name, `${value}`]];
      }),
    );

  it('comes to the same look as resolveConfig with the saved settings, whatever the page wrote', () => {
    for (const [globalConfig, dataset, navigatorLanguage] of inputs) {
      for (const settings of saved) {
        const full = withSavedLook(configOf(resolveConfig(globalConfig, dataset, navigatorLanguage, BUILD_API)), settings);
        const look = launcherLook(embedOf(globalConfig, dataset), navigatorLanguage, settings);
        const label = JSON.stringify([globalConfig, dataset, navigatorLanguage, settings]);
        expect({ language: look.language, color: look.color, position: look.position, size: look.size }, label).toEqual({
          language: full.language,
          color: full.color,
          position: full.position,
          size: full.size,
        });
        expect(look.onColor, label).toBe(readableTextColor(full.color));
      }
    }
  });

  it("keeps the embed's own fields when the site's settings change later", () => {
    const config = withSavedLook(configOf(resolveConfig({ siteId: 's', position: 'right' }, {}, 'en', BUILD_API)), saved[1]);
    expect(config).toMatchObject({ position: 'right', color: '#0f766e', size: 'large', language: 'uk', embedded: ['position'] });
  });

  it('finds the same site id, or gives the same warning', () => {
    for (const [globalConfig, dataset] of [
      ...inputs.map(([g, d]) => [g, d] as const),
      [{ siteId: ' ' }, {}] as const,
      [undefined, undefined] as const,
    ]) {
      const full = resolveConfig(globalConfig, dataset, 'en', BUILD_API);
      expect(siteIdOf(globalConfig, dataset)).toBe(full.ok ? full.config.siteId : null);
    }
  });
});
