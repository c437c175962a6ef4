import { randomBytes } from 'node:crypto';
import type {
  CreateWebhookBody,
  RotateWebhookSecretBody,
  UpdateWebhookBody,
  WebhookDto,
  WebhookEventType,
  WebhookWithSecretDto,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { type SiteCache, SiteCachesService } from '../common/cluster/site-caches.service.js';
import { EgressService } from '../common/egress/egress.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { WebhookSubscription } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { WebhookSecretsService } from './webhook-secrets.service.js';

/** What the hot path needs to know of an organization's enabled subscriptions. */
export type ActiveSubscription = { id: string; events: string[]; siteId: string | null };

const DEFAULT_PREVIOUS_SECRET_SECONDS = 86_400;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function webhookDto(row: WebhookSubscription): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    siteId: row.siteId,
    enabled: row.enabled,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    previousSecretExpiresAt: row.previousSecretEncrypted && row.previousSecretExpiresAt ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * An organization's webhook subscriptions (OWNER/ADMIN). Every path that stores a message asks
 * `active(organizationId)` first: a per-node cache (10 s, dropped on every node by each change
 * here), so an organization without subscriptions costs no query.
 */
@Injectable()
export class WebhookSubscriptionsService {
  private readonly cache: SiteCache<ActiveSubscription[]>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly egress: EgressService,
    private readonly secrets: WebhookSecretsService,
    siteCaches: SiteCachesService,
  ) {
    // Keyed by organization (the cache is per key, whatever the key names).
    this.cache = siteCaches.create('webhook-subscriptions', (organizationId) =>
      this.prisma.webhookSubscription.findMany({
        where: { organizationId, enabled: true },
        select: { id: true, events: true, siteId: true },
      }),
    );
  }

  /** The enabled subscriptions that want `type` from `siteId`. */
  async matching(organizationId: string, siteId: string, type: WebhookEventType): Promise<ActiveSubscription[]> {
    const all = await this.cache.get(organizationId);
    if (all.length === 0) return all;
    return all.filter((s) => s.events.includes(type) && (s.siteId === null || s.siteId === siteId));
  }

  /** Whether the organization has any enabled subscription (cached). */
  async any(organizationId: string): Promise<boolean> {
    return (await this.cache.get(organizationId)).length > 0;
  }

  /** After a subscription changed (here or by the delivery worker). */
  changed(organizationId: string): void {
    this.cache.invalidate(organizationId);
  }

  async list(user: AuthUser): Promise<WebhookDto[]> {
    const rows = await this.prisma.webhookSubscription.findMany({
      where: { organizationId: user.organizationId },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(webhookDto);
  }

  async get(user: AuthUser, id: string): Promise<WebhookDto> {
    return webhookDto(await this.row(user, id));
  }

  /** The subscription, or 404 when it is not the caller's organization's. */
  async row(user: Pick<AuthUser, 'organizationId'>, id: string): Promise<WebhookSubscription> {
    const row = await this.prisma.webhookSubscription.findFirst({ where: { id, organizationId: user.organizationId } });
    if (!row) throw new AppError('not_found', 'No such webhook');
    return row;
  }

  async create(user: AuthUser, body: CreateWebhookBody): Promise<WebhookWithSecretDto> {
    await this.checkSite(user, body.siteId ?? null);
    await this.checkUrl(body.url);
    const secret = newWebhookSecret();
    const secretEncrypted = this.secrets.seal(secret, user.organizationId);
    const row = await this.prisma.webhookSubscription.create({
      data: {
        organizationId: user.organizationId,
        url: body.url,
        events: [...new Set(body.events)],
        siteId: body.siteId ?? null,
        secretEncrypted,
        enabled: body.enabled ?? true,
      },
    });
    this.changed(user.organizationId);
    return { webhook: webhookDto(row), secret };
  }

  async update(user: AuthUser, id: string, body: UpdateWebhookBody): Promise<WebhookDto> {
    const current = await this.row(user, id);
    if (body.siteId !== undefined) await this.checkSite(user, body.siteId);
    if (body.url !== undefined && body.url !== current.url) await this.checkUrl(body.url);
    const enabling = body.enabled === true && !current.enabled;
    const row = await this.prisma.webhookSubscription.update({
      where: { id: current.id },
      data: {
        url: body.url,
        events: body.events ? [...new Set(body.events)] : undefined,
        siteId: body.siteId,
        enabled: body.enabled,
        // Enabled again: the run of failures starts over.
        ...(enabling ? { disabledAt: null, consecutiveFailures: 0, failingSince: null } : {}),
      },
    });
    this.changed(user.organizationId);
    return webhookDto(row);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const { count } = await this.prisma.webhookSubscription.deleteMany({ where: { id, organizationId: user.organizationId } });
    if (count === 0) throw new AppError('not_found', 'No such webhook');
    this.changed(user.organizationId);
  }

  /** A new secret (in this answer only); the one it replaces still signs for a while. */
  async rotateSecret(user: AuthUser, id: string, body: RotateWebhookSecretBody): Promise<WebhookWithSecretDto> {
    const current = await this.row(user, id);
    const secret = newWebhookSecret();
    const validSeconds = body.previousSecretValidSeconds ?? DEFAULT_PREVIOUS_SECRET_SECONDS;
    const row = await this.prisma.webhookSubscription.update({
      where: { id: current.id },
      data: {
        // The previous secret stays sealed as it was: it is only moved, never opened here.
        secretEncrypted: this.secrets.seal(secret, user.organizationId),
        previousSecretEncrypted: validSeconds > 0 ? current.secretEncrypted : null,
        previousSecretExpiresAt: validSeconds > 0 ? new Date(Date.now() + validSeconds * 1000) : null,
      },
    });
    return { webhook: webhookDto(row), secret };
  }

  private async checkSite(user: AuthUser, siteId: string | null): Promise<void> {
    if (siteId === null) return;
    const site = await this.prisma.site.findFirst({ where: { id: siteId, organizationId: user.organizationId }, select: { id: true } });
    if (!site) throw new AppError('site_not_found', 'No such site');
  }

  /** The egress guard's verdict now (every delivery is checked again when it connects). */
  private async checkUrl(url: string): Promise<void> {
    const refusal = await this.egress.refusal(url);
    if (refusal) throw new AppError('egress_refused', refusal, [{ path: ['url'], message: refusal }]);
  }
}
