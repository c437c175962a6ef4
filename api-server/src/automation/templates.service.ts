import type { QuickTemplateDto, quickTemplateBodySchema } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { QuickTemplate } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { SitesService } from '../sites/sites.service.js';

type TemplateBody = z.output<typeof quickTemplateBodySchema>;

/** The `scope` column of organization-wide templates (a site's templates carry the site id). */
const ORGANIZATION_SCOPE = 'org';

/**
 * Quick templates ("canned responses"): per site or organization-wide, a shortcut unique in its
 * scope. As in Chatwoot, every member may use the templates of the sites they see, and only
 * OWNER and ADMIN (`settings.manage`, checked by the controller) create, change or delete them,
 * site templates included: operators share one curated set instead of each growing their own.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
  ) {}

  /**
   * The organization-wide templates and those of one site (`siteId`) or of every site the user
   * may see: site templates first, so the "/" picker offers a site's "/price" before the
   * organization's.
   */
  async list(user: AuthUser, siteId?: string): Promise<QuickTemplateDto[]> {
    const siteIds = siteId ? [(await this.sites.findVisible(user, siteId)).id] : await this.sites.visibleSiteIds(user);
    const rows = await this.prisma.quickTemplate.findMany({
      where: { organizationId: user.organizationId, OR: [{ siteId: null }, { siteId: { in: siteIds } }] },
      orderBy: [{ siteId: { sort: 'asc', nulls: 'last' } }, { shortcut: 'asc' }],
    });
    return rows.map(toDto);
  }

  async create(user: AuthUser, body: TemplateBody): Promise<QuickTemplateDto> {
    const siteId = await this.manageableScope(user, body.siteId);
    return this.write(body, () =>
      this.prisma.quickTemplate.create({
        data: {
          organizationId: user.organizationId,
          siteId,
          scope: siteId ?? ORGANIZATION_SCOPE,
          shortcut: body.shortcut,
          text: body.text,
        },
      }),
    );
  }

  /** Replaces a template; it may move between a site and the organization. */
  async update(user: AuthUser, id: string, body: TemplateBody): Promise<QuickTemplateDto> {
    await this.find(user, id);
    const siteId = await this.manageableScope(user, body.siteId);
    return this.write(body, () =>
      this.prisma.quickTemplate.update({
        where: { id },
        data: { siteId, scope: siteId ?? ORGANIZATION_SCOPE, shortcut: body.shortcut, text: body.text },
      }),
    );
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.find(user, id);
    await this.prisma.quickTemplate.delete({ where: { id } });
  }

  private async find(user: AuthUser, id: string): Promise<QuickTemplate> {
    const row = await this.prisma.quickTemplate.findFirst({ where: { id, organizationId: user.organizationId } });
    if (!row) throw new AppError('not_found', 'No template has this id');
    return row;
  }

  /** The site the template belongs to (checked against the caller's organization), or null for organization-wide. */
  private async manageableScope(user: AuthUser, siteId: string | null | undefined): Promise<string | null> {
    if (!siteId) return null;
    return (await this.sites.findManageable(user, siteId)).id;
  }

  private async write(body: TemplateBody, write: () => Promise<QuickTemplate>): Promise<QuickTemplateDto> {
    try {
      return toDto(await write());
    } catch (error) {
      if (isUniqueViolation(error)) {
        const where = body.siteId ? 'on this site' : 'in the organization';
        throw new AppError('shortcut_taken', `The shortcut ${body.shortcut} is already used ${where}`);
      }
      throw error;
    }
  }
}

function toDto(row: QuickTemplate): QuickTemplateDto {
  return {
    id: row.id,
    siteId: row.siteId,
    shortcut: row.shortcut,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
