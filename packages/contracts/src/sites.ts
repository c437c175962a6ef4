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
