import type { WelcomeMessagesDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import type { Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';
import { WidgetSettingsService } from '../widget-settings/widget-settings.service.js';
import { renderTemplate } from './template-renderer.js';
import { pickWelcomeMessage } from './welcome-message-picker.js';

/** A site's welcome messages per language, and the one a joining visitor is greeted with. */
@Injectable()
export class WelcomeMessagesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
    private readonly widgetSettings: WidgetSettingsService,
  ) {}

  async get(user: AuthUser, siteId: string): Promise<WelcomeMessagesDto> {
    const site = await this.sites.findManageable(user, siteId);
    return { messages: await this.listOf(site) };
  }

  /** Replaces the site's list (one message per language). */
  async put(user: AuthUser, siteId: string, body: WelcomeMessagesDto): Promise<WelcomeMessagesDto> {
    const site = await this.sites.findManageable(user, siteId);
    await this.prisma.$transaction([
      this.prisma.welcomeMessage.deleteMany({ where: { organizationId: site.organizationId, siteId: site.id } }),
      this.prisma.welcomeMessage.createMany({
        data: body.messages.map((m) => ({ organizationId: site.organizationId, siteId: site.id, language: m.language, text: m.text })),
      }),
    ]);
    return { messages: await this.listOf(site) };
  }

  /**
   * What a visitor joining with `locale` is greeted with: the site's message for their language,
   * else for "*", else the widget settings' welcome text. `{site.name}` and `{visitor.name}` are filled in.
   */
  async forVisitor(site: Site, locale: string | null, visitorName: string | null): Promise<string | null> {
    const picked = pickWelcomeMessage(await this.listOf(site), locale);
    const text = picked?.text ?? (await this.widgetSettings.effectiveForSite(site.organizationId, site.id)).welcomeMessage;
    const rendered = renderTemplate(text, { site: { name: site.name }, visitor: { name: visitorName } }).trim();
    return rendered || null;
  }

  /** The visitor's name, for `{visitor.name}` in a greeting. */
  async visitorName(visitorId: string): Promise<string | null> {
    return (await this.prisma.visitor.findUnique({ where: { id: visitorId }, select: { name: true } }))?.name ?? null;
  }

  private async listOf(site: Site): Promise<WelcomeMessagesDto['messages']> {
    const rows = await this.prisma.welcomeMessage.findMany({
      where: { organizationId: site.organizationId, siteId: site.id },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => ({ language: row.language, text: row.text }));
  }
}
