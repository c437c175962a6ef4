/**
 * Visitors report their page URL and referrer themselves (the widget sends them, and anyone can
 * speak the widget's protocol), so such a URL may say anything: `javascript:…`, `data:…`, a
 * relative path. This is the one gate between visitor data and an `href`: an absolute `http:` or
 * `https:` URL comes back (as the URL parser writes it), anything else is `null` and shown as text.
 */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
