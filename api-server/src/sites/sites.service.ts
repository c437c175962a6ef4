import type {
  CreatedSiteDto,
  IdentitySecretDto,
  ParsedCreateSiteBody,
  ParsedUpdateSiteBody,
  RotatedSiteKeyDto,
  SiteDetailDto,
  SiteDto,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { IdentitySecretsService } from './identity-secrets.service.js';
import { isOriginAllowed } from './origin-policy.js';
import { assertCanManageSites, visibleSitesWhere } from './site-access.js';
import { newSiteApiKey, newSitePublicId } from './site-keys.js';

@Injectable()
export class SitesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly identitySecrets: IdentitySecretsService,
  ) {}

  async list(user: AuthUser): Promise<SiteDto[]> {
    const sites = await this.prisma.site.findMany({ where: visibleSitesWhere(user), orderBy: { createdAt: 'asc' } });
    return sites.map(toSiteDto);
  }

  /** Creates a site; the secret API key is in the answer and nowhere else, ever. */
  async create(user: AuthUser, body: ParsedCreateSiteBody): Promise<CreatedSiteDto> {
    assertCanManageSites(user);
    const apiKey = newSiteApiKey();
    const site = await this.prisma.site.create({
      data: {
        organizationId: user.organizationId,
        ownerId: user.id,
        publicId: newSitePublicId(),
        name: body.name,
        domains: [...new Set(body.domains)],
        allowedOrigins: [...new Set(body.allowedOrigins)],
        apiKeyHash: apiKey.hash,
        apiKeyLast4: apiKey.last4,
      },
    });
    await this.identitySecrets.initialise(site.id);
    return { ...toSiteDto(site), apiKey: apiKey.key };
  }

  /** A site the user may see (OWNER/ADMIN: any of the organization's; OPERATOR: assigned), else 404. */
  async findVisible(user: AuthUser, siteId: string): Promise<Site> {
    const site = await this.prisma.site.findFirst({ where: { AND: [{ id: siteId }, visibleSitesWhere(user)] } });
    if (!site) throw new AppError('site_not_found', 'No site has this id');
    return site;
  }

  /** A site the user may change: 404 if they cannot see it, 403 if they see it but may not manage it. */
  async findManageable(user: AuthUser, siteId: string): Promise<Site> {
    const site = await this.findVisible(user, siteId);
    assertCanManageSites(user);
    return site;
  }

  async get(user: AuthUser, siteId: string): Promise<SiteDetailDto> {
    return toSiteDetailDto(await this.findVisible(user, siteId));
  }

  async update(user: AuthUser, siteId: string, body: ParsedUpdateSiteBody): Promise<SiteDetailDto> {
    const site = await this.findManageable(user, siteId);
    const updated = await this.prisma.site.update({
      where: { id: site.id },
      data: {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.domains !== undefined ? { domains: [...new Set(body.domains)] } : {}),
        ...(body.allowedOrigins !== undefined ? { allowedOrigins: [...new Set(body.allowedOrigins)] } : {}),
      },
    });
    return toSiteDetailDto(updated);
  }

  /** A new secret key, in this answer only; the old one stops working at once (only hashes are stored). */
  async rotateKey(user: AuthUser, siteId: string): Promise<RotatedSiteKeyDto> {
    const site = await this.findManageable(user, siteId);
    const apiKey = newSiteApiKey();
    await this.prisma.site.update({ where: { id: site.id }, data: { apiKeyHash: apiKey.hash, apiKeyLast4: apiKey.last4 } });
    return { apiKey: apiKey.key, apiKeyLast4: apiKey.last4 };
  }

  /** The site's identity-verification secret (created now if it has none yet). OWNER, ADMIN. */
  async identitySecret(user: AuthUser, siteId: string): Promise<IdentitySecretDto> {
    const site = await this.findManageable(user, siteId);
    return { secret: await this.identitySecrets.reveal(site.id) };
  }

  /** A new identity secret: every `chtq.setUser` hash made with the old one is refused from now on. OWNER, ADMIN. */
  async rotateIdentitySecret(user: AuthUser, siteId: string): Promise<IdentitySecretDto> {
    const site = await this.findManageable(user, siteId);
    return { secret: await this.identitySecrets.rotate(site.id) };
  }

  /** Deletes a site with its chats, visitors and settings (database cascade). OWNER only. */
  async remove(user: AuthUser, siteId: string): Promise<void> {
    const site = await this.findVisible(user, siteId);
    if (user.role !== 'OWNER') throw new AppError('forbidden', 'Only the owner can delete a site');
    await this.prisma.site.delete({ where: { id: site.id } });
  }

  /** Ids of the sites a user may see (see visibleSitesWhere). */
  async visibleSiteIds(user: AuthUser): Promise<string[]> {
    const sites = await this.prisma.site.findMany({ where: visibleSitesWhere(user), select: { id: true } });
    return sites.map((s) => s.id);
  }

  /** The site behind a widget's public id, if the page's origin may use it. */
  async findForWidget(publicId: string, origin: string | undefined): Promise<Site> {
    const site = (await this.prisma.site.findUnique({ where: { publicId } })) ?? (await this.siteOfOrganizationFor(publicId, origin));
    if (!site) throw new AppError('site_not_found', 'No site has this id');
    if (!isOriginAllowed(origin, site)) {
      throw new AppError('origin_not_allowed', `This site does not allow pages from ${origin ?? 'an unknown origin'}`);
    }
    return site;
  }

  /**
   * `window.chtq.organizationId`: the organization's site whose domains or allowed origins name the
   * page's origin (the oldest, if several do). An organization with a single site that has no
   * origin policy yet gets that site, so the snippet works before the site is configured.
   */
  private async siteOfOrganizationFor(organizationId: string, origin: string | undefined): Promise<Site | null> {
    const sites = await this.prisma.site.findMany({ where: { organizationId }, orderBy: { createdAt: 'asc' }, take: 500 });
    const configured = sites.filter((site) => site.domains.length > 0 || site.allowedOrigins.length > 0);
    const matching = origin ? configured.find((site) => isOriginAllowed(origin, site)) : undefined;
    if (matching) return matching;
    if (sites.length === 1) return sites[0] ?? null;
    // Several sites and none for this page: the first one refuses the origin with a clear error.
    return configured[0] ?? null;
  }
}

export function toSiteDto(site: Site): SiteDto {
  return {
    id: site.id,
    publicId: site.publicId,
    name: site.name,
    domains: site.domains,
    allowedOrigins: site.allowedOrigins,
    createdAt: site.createdAt.toISOString(),
  };
}

export function toSiteDetailDto(site: Site): SiteDetailDto {
  return {
    ...toSiteDto(site),
    apiKeyLast4: site.apiKeyLast4,
    embed: { siteId: site.publicId, organizationId: site.organizationId },
  };
}
