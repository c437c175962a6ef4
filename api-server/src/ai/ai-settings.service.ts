import type { AiSettingsDto, ParsedAiSettingsBody } from '@chatiq/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { type SiteCache, SiteCachesService } from '../common/cluster/site-caches.service.js';
import { EgressService } from '../common/egress/egress.service.js';
import { AppError } from '../common/errors/app-error.js';
import { last4 } from '../common/secret-box/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { AiSettings } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';
import { AiClient, type AiClientSettings } from './ai-client.js';
import { AiError, settingsStatusFor } from './ai-errors.js';
import { AiKeyringService } from './ai-keyring.service.js';
import { fromDbBackend, toAiSettingsDto, toDbBackend } from './ai-settings-dto.js';

/** A site's AI, ready to answer: the stored settings and the opened key (never logged, never returned). */
export type AnsweringSettings = { row: AiSettings; client: AiClientSettings };

/**
 * Per-site AI settings (OWNER/ADMIN). The provider key is checked with a cheap authenticated call
 * before anything is saved, sealed with the server's keyring (the site id as authenticated data)
 * and never returned: the API shows its last 4 characters and the status of the last check, which
 * answering keeps current ("key lacks access to vector store vs_…").
 */
@Injectable()
export class AiSettingsService {
  private readonly logger = new Logger(AiSettingsService.name);
  private readonly timeoutMs: number;
  /**
   * Each site's row as answering reads it (on every visitor message: most sites have none), kept
   * in memory; every write below drops it, here and on the other API nodes.
   */
  private readonly rows: SiteCache<AiSettings | null>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
    private readonly keyring: AiKeyringService,
    private readonly egress: EgressService,
    siteCaches: SiteCachesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeoutMs = config.ai.timeoutMs;
    this.rows = siteCaches.create('ai-settings', (siteId) => this.prisma.aiSettings.findUnique({ where: { siteId } }));
  }

  async get(user: AuthUser, siteId: string): Promise<AiSettingsDto> {
    const site = await this.sites.findManageable(user, siteId);
    return toAiSettingsDto(await this.prisma.aiSettings.findUnique({ where: { siteId: site.id } }));
  }

  /**
   * Replaces the settings. `apiKey` absent keeps the stored key, except when the base URL changes:
   * the stored key is only ever sent where its owner typed it in. A key is checked before saving
   * when a new one is given or the assistant is on; a refusal saves nothing (422 `ai_key_rejected`).
   */
  async put(user: AuthUser, siteId: string, body: ParsedAiSettingsBody): Promise<AiSettingsDto> {
    const site = await this.sites.findManageable(user, siteId);
    const stored = await this.prisma.aiSettings.findUnique({ where: { siteId: site.id } });
    const baseUrl = body.baseUrl ?? null;
    const hasStoredKey = Boolean(stored?.apiKeyEncrypted);

    if (!body.apiKey && hasStoredKey && (stored?.baseUrl ?? null) !== baseUrl) {
      throw keyIssue('Enter the API key again to use it with a different base URL');
    }
    let apiKey = body.apiKey ?? null;
    if (!apiKey && stored?.apiKeyEncrypted && body.enabled) {
      try {
        apiKey = this.keyring.open(stored.apiKeyEncrypted, site.id);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw keyIssue("The stored API key cannot be opened with this server's AI_SECRET_KEYS: enter it again");
      }
    }
    if (body.enabled && !apiKey) throw keyIssue('An API key is required to turn the assistant on');

    // Sealed before the provider is called, so a server without a keyring says so at once.
    const sealed = body.apiKey ? this.keyring.seal(body.apiKey, site.id) : this.resealed(stored);
    let status: Pick<AiSettings, 'status' | 'statusMessage' | 'statusCheckedAt'> = stored
      ? { status: stored.status, statusMessage: stored.statusMessage, statusCheckedAt: stored.statusCheckedAt }
      : { status: 'unverified', statusMessage: null, statusCheckedAt: null };
    if (apiKey) {
      const check = await this.clientFor(this.clientSettings(body, apiKey)).validateKey();
      if (!check.ok) {
        this.logger.warn(
          { siteId: site.id, reason: check.reason, refused: check.refused },
          `AI key check failed on save: ${check.message}`,
        );
        if (check.reason === 'address_refused') {
          throw new AppError('egress_refused', check.message, [{ path: ['baseUrl'], message: check.message }]);
        }
        throw new AppError('ai_key_rejected', check.message);
      }
      status = { status: 'ok', statusMessage: null, statusCheckedAt: new Date() };
    }

    const data = {
      enabled: body.enabled,
      baseUrl,
      backend: toDbBackend(body.backend),
      model: body.model,
      instructions: body.instructions,
      vectorStoreIds: body.vectorStoreIds,
      maxOutputTokens: body.maxOutputTokens,
      dailyTokenCap: body.dailyTokenCap,
      chatTokenCap: body.chatTokenCap,
      autoResolveAfterMinutes: body.autoResolveAfterMinutes,
      apiKeyEncrypted: sealed,
      apiKeyLast4: body.apiKey ? last4(body.apiKey) : (stored?.apiKeyLast4 ?? null),
      ...status,
    };
    const row = await this.prisma.aiSettings.upsert({
      where: { siteId: site.id },
      create: { organizationId: site.organizationId, siteId: site.id, ...data },
      update: data,
    });
    this.rows.invalidate(site.id);
    this.logger.log(
      { siteId: site.id, enabled: row.enabled, apiKeyLast4: row.apiKeyLast4, keyChanged: Boolean(body.apiKey) },
      'AI settings saved',
    );
    return toAiSettingsDto(row);
  }

  /** Checks the stored key again and records the outcome (also re-seals it after a keyring rotation). */
  async check(user: AuthUser, siteId: string): Promise<AiSettingsDto> {
    const site = await this.sites.findManageable(user, siteId);
    const row = await this.prisma.aiSettings.findUnique({ where: { siteId: site.id } });
    if (!row?.apiKeyEncrypted) throw new AppError('ai_not_configured', 'No API key is stored for this site');
    let settings: AnsweringSettings;
    try {
      settings = this.answering(row);
    } catch (error) {
      if (!(error instanceof AiError)) throw error;
      return toAiSettingsDto(await this.recordFailure(site.id, error));
    }
    const check = await this.clientFor(settings.client).validateKey();
    const updated = await this.prisma.aiSettings.update({
      where: { siteId: site.id },
      data: check.ok
        ? { status: 'ok', statusMessage: null, statusCheckedAt: new Date() }
        : { status: settingsStatusFor(check.reason), statusMessage: check.message, statusCheckedAt: new Date() },
    });
    this.rows.invalidate(site.id);
    return toAiSettingsDto(updated);
  }

  /**
   * The site's AI when it is on and has a key; `'off'` when settings exist but it is off (or has no
   * key); null when the site never had AI settings. Throws an `AiError` when the stored key cannot
   * be opened (the keyring lost the master key it was sealed with).
   */
  async forAnswering(siteId: string): Promise<AnsweringSettings | 'off' | null> {
    const row = await this.rows.get(siteId);
    if (!row) return null;
    if (!row.enabled || !row.apiKeyEncrypted) return 'off';
    return this.answering(row);
  }

  /**
   * A client for these settings whose every request goes through the egress guard: the one way
   * the AI reaches a provider (key checks, answers, streams, the copilot).
   */
  clientFor(settings: AiClientSettings): AiClient {
    return new AiClient(settings, this.egress.fetch);
  }

  /** An answer or suggestion failed: the admin sees why on the settings page. */
  async recordFailure(siteId: string, failure: AiError): Promise<AiSettings | null> {
    if (failure.reason === 'aborted') return null;
    await this.prisma.aiSettings.updateMany({
      where: { siteId },
      data: { status: settingsStatusFor(failure.reason), statusMessage: failure.message, statusCheckedAt: new Date() },
    });
    this.rows.invalidate(siteId);
    return this.prisma.aiSettings.findUnique({ where: { siteId } });
  }

  /** An answer worked: a status left by an earlier failure is cleared (a no-op when it is already ok). */
  async recordSuccess(siteId: string): Promise<void> {
    const { count } = await this.prisma.aiSettings.updateMany({
      where: { siteId, status: { not: 'ok' } },
      data: { status: 'ok', statusMessage: null, statusCheckedAt: new Date() },
    });
    if (count > 0) this.rows.invalidate(siteId);
  }

  private answering(row: AiSettings): AnsweringSettings {
    let apiKey: string;
    try {
      apiKey = this.keyring.open(row.apiKeyEncrypted!, row.siteId);
    } catch (error) {
      const why = error instanceof Error ? error.message : 'unknown error';
      throw new AiError('upstream_error', `The stored API key cannot be opened (${why}); enter the key again in the AI settings`);
    }
    if (this.keyring.isStale(row.apiKeyEncrypted!)) {
      // Lazily moved to the active master key, so the old one can leave the keyring later.
      void this.prisma.aiSettings
        .updateMany({
          where: { siteId: row.siteId, apiKeyEncrypted: row.apiKeyEncrypted },
          data: { apiKeyEncrypted: this.keyring.seal(apiKey, row.siteId) },
        })
        .then(({ count }) => {
          if (count > 0) this.rows.invalidate(row.siteId);
        })
        .catch((error: unknown) => this.logger.error({ siteId: row.siteId, error: String(error) }, 'could not re-seal an AI key'));
    }
    return {
      row,
      client: this.clientSettings(
        {
          baseUrl: row.baseUrl ?? undefined,
          backend: fromDbBackend(row.backend),
          model: row.model,
          instructions: row.instructions,
          vectorStoreIds: row.vectorStoreIds,
          maxOutputTokens: row.maxOutputTokens,
        },
        apiKey,
      ),
    };
  }

  /** The stored sealed key, sealed again with the active master key when it was sealed with an older one. */
  private resealed(stored: AiSettings | null): string | null {
    if (!stored?.apiKeyEncrypted) return null;
    if (!this.keyring.isStale(stored.apiKeyEncrypted)) return stored.apiKeyEncrypted;
    try {
      return this.keyring.seal(this.keyring.open(stored.apiKeyEncrypted, stored.siteId), stored.siteId);
    } catch {
      return stored.apiKeyEncrypted; // left as it is; answering reports it
    }
  }

  private clientSettings(
    settings: Pick<ParsedAiSettingsBody, 'baseUrl' | 'backend' | 'model' | 'instructions' | 'vectorStoreIds' | 'maxOutputTokens'>,
    apiKey: string,
  ): AiClientSettings {
    return {
      apiKey,
      baseUrl: settings.baseUrl,
      backend: settings.backend,
      model: settings.model,
      instructions: settings.instructions,
      vectorStoreIds: settings.backend === 'responses' ? settings.vectorStoreIds : [],
      maxOutputTokens: settings.maxOutputTokens,
      timeoutMs: this.timeoutMs,
    };
  }
}

function keyIssue(message: string): AppError {
  return new AppError('validation_failed', `Invalid input: apiKey: ${message}`, [{ path: ['apiKey'], message }]);
}
