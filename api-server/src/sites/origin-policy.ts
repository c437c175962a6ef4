/**
 * Whether a page at `origin` may use a site's widget: its allowedOrigins list it, or its host is
 * one of the site's domains (or a subdomain of one). A site with neither configured accepts any
 * page, so a new site works before it is configured; a request with no Origin is refused once
 * the site has a policy.
 */
export function isOriginAllowed(origin: string | undefined, site: { allowedOrigins: string[]; domains: string[] }): boolean {
  if (site.allowedOrigins.length === 0 && site.domains.length === 0) return true;
  if (!origin) return false;
  const normalized = origin.replace(/\/$/, '').toLowerCase();
  if (site.allowedOrigins.some((allowed) => allowed.toLowerCase() === normalized)) return true;
  let host: string;
  try {
    host = new URL(normalized).hostname;
  } catch {
    return false;
  }
  return site.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
