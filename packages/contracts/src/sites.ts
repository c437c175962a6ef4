import { z } from 'zod';

/** An origin as browsers send it: scheme://host[:port], no path. */
export const originSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'Must be an origin such as https://example.com')
  .transform((value) => value.replace(/\/$/, ''));

export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, 'Not a valid domain');

export const createSiteBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  domains: z.array(domainSchema).max(50).default([]),
  allowedOrigins: z.array(originSchema).max(50).default([]),
});
export type CreateSiteBody = z.input<typeof createSiteBodySchema>;

export const siteDtoSchema = z.object({
  id: z.string(),
  publicId: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  allowedOrigins: z.array(z.string()),
  createdAt: z.string(),
});
export type SiteDto = z.infer<typeof siteDtoSchema>;

/** Returned once, when a site is created: the only time the secret key is shown. */
export const createdSiteDtoSchema = siteDtoSchema.extend({ apiKey: z.string() });
export type CreatedSiteDto = z.infer<typeof createdSiteDtoSchema>;
/** The body after validation (defaults applied): what the server works with. */
export type ParsedCreateSiteBody = z.output<typeof createSiteBodySchema>;

const siteNameSchema = z.string().trim().min(1).max(100);

/** PATCH /sites/:siteId — only the fields sent change; lists replace the stored ones. */
export const updateSiteBodySchema = z
  .object({
    name: siteNameSchema.optional(),
    domains: z.array(domainSchema).max(50).optional(),
    allowedOrigins: z.array(originSchema).max(50).optional(),
  })
  .refine((body) => body.name !== undefined || body.domains !== undefined || body.allowedOrigins !== undefined, {
    message: 'Send at least one of name, domains, allowedOrigins',
  });
export type UpdateSiteBody = z.input<typeof updateSiteBodySchema>;
export type ParsedUpdateSiteBody = z.output<typeof updateSiteBodySchema>;

/** What the embed snippet needs (the widget and API URLs are the admin panel's to know). */
export const siteEmbedSchema = z.object({
  /** The public site id (`window.chtq.siteId`, `data-site-id`, `data-project-id`). */
  siteId: z.string(),
  /** `window.chtq.organizationId`: resolves to the organization's site whose domain matches the page. */
  organizationId: z.string(),
});
export type SiteEmbed = z.infer<typeof siteEmbedSchema>;

/** GET /sites/:siteId — the site with the last characters of its key and the embed data. */
export const siteDetailDtoSchema = siteDtoSchema.extend({ apiKeyLast4: z.string(), embed: siteEmbedSchema });
export type SiteDetailDto = z.infer<typeof siteDetailDtoSchema>;

/** POST /sites/:siteId/rotate-key — the new secret key, shown this once; the old one stops working. */
export const rotatedSiteKeyDtoSchema = z.object({ apiKey: z.string(), apiKeyLast4: z.string() });
export type RotatedSiteKeyDto = z.infer<typeof rotatedSiteKeyDtoSchema>;

/**
 * GET /sites/:siteId/identity-secret and POST /sites/:siteId/rotate-identity-secret (OWNER, ADMIN):
 * the key of the site's identity verification. The host site's server computes
 * `hex(HMAC-SHA256(secret, userId))` and passes it to `chtq.setUser({ id, hash })`; rotating it
 * makes every hash computed with the old secret invalid at once.
 */
export const identitySecretDtoSchema = z.object({ secret: z.string() });
export type IdentitySecretDto = z.infer<typeof identitySecretDtoSchema>;

/** The three embed forms the widget understands, for a site: recommended first, then the legacy ones. */
export function embedSnippets(
  widgetUrl: string,
  apiUrl: string,
  embed: SiteEmbed,
): { recommended: string; legacySiteId: string; legacyProjectId: string } {
  const script = `${widgetUrl.replace(/\/+$/, '')}/widget.js`;
  const api = apiUrl.replace(/\/+$/, '');
  return {
    recommended: [
      `<script async src="${script}"></script>`,
      '<script>',
      `  window.chtq = { siteId: "${embed.siteId}", apiUrl: "${api}" };`,
      '</script>',
    ].join('\n'),
    legacySiteId: `<script async src="${script}" data-site-id="${embed.siteId}" data-api-url="${api}"></script>`,
    legacyProjectId: `<script async src="${script}" data-project-id="${embed.siteId}" data-api-url="${api}"></script>`,
  };
}
