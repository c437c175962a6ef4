import type { WebhookEvent } from '@chatiq/contracts';

/** One event for one subscription: what a queued job carries (the same body on every attempt). */
export type WebhookJob = { webhookId: string; organizationId: string; event: WebhookEvent };
