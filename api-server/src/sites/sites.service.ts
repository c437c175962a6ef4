import type { CreatedSiteDto, ParsedCreateSiteBody, SiteDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isOriginAllowed } from './origin-policy.js';
import { assertCanManageSites, visibleSitesWhere } from './site-access.js';
import { newSiteApiKey, newSitePublicId } from './site-keys.js';

@Injectable()
export class SitesService {
  constructor(private readonly prisma: PrismaService) {}

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
    return { ...toSiteDto(site), apiKey: apiKey.key };
  }

  /** Ids of the sites a user may see (see visibleSitesWhere). */
  async visibleSiteIds(user: AuthUser): Promise<string[]> {
    const sites = await this.prisma.site.findMany({ where: visibleSitesWhere(user), select: { id: true } });
    return sites.map((s) => s.id);
  }

  /** The site behind a widget's public id, if the page's origin may use it. */
  async findForWidget(publicId: string, origin: string | undefined): Promise<Site> {
    const site = await this.prisma.site.findUnique({ where: { publicId } });
    if (!site) throw new AppError('site_not_found', 'No site has this id');
    if (!isOriginAllowed(origin, site)) {
      throw new AppError('origin_not_allowed', `This site does not allow pages from ${origin ?? 'an unknown origin'}`);
    }
    return site;
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
