/** Refusals that mean this page may not have the chat at all: the widget removes itself. */
export const GONE_CODES: readonly string[] = ['origin_not_allowed', 'site_not_found'];

export type SiteSettingsAnswer =
  | { ok: true; settings: unknown }
  /** `gone`: the server refused this site or page for good; null: not reachable or a passing failure. */
  | { ok: false; gone: { code: string; message: string } | null };

/**
 * `GET /widget/sites/:id/settings`: the site's look (checked by `toLiveSettings` when applied).
 * Never throws: a network failure is `{ ok: false, gone: null }` (the socket says the widget is
 * offline; the look stays the embed's until a `settings:update`).
 */
export async function fetchSiteSettings(apiUrl: string, siteId: string): Promise<SiteSettingsAnswer> {
  try {
    // Revalidated (ETag), never taken from the browser's cache as is: the chat reads what is saved now.
    const response = await fetch(`${apiUrl}/widget/sites/${encodeURIComponent(siteId)}/settings`, {
      credentials: 'omit',
      cache: 'no-cache',
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, settings: body };
    const refusal = body as { code?: unknown; message?: unknown } | null;
    if (typeof refusal?.code === 'string' && GONE_CODES.includes(refusal.code)) {
      return {
        ok: false,
        gone: { code: refusal.code, message: typeof refusal.message === 'string' ? refusal.message : String(response.status) },
      };
    }
  } catch {
    // not reachable now
  }
  return { ok: false, gone: null };
}
