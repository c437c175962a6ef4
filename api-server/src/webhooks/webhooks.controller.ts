import {
  type CreateWebhookBody,
  createWebhookBodySchema,
  idSchema,
  type ListWebhookDeliveriesQuery,
  listWebhookDeliveriesQuerySchema,
  type QueuedWebhookEventDto,
  queuedWebhookEventDtoSchema,
  type RotateWebhookSecretBody,
  rotateWebhookSecretBodySchema,
  type UpdateWebhookBody,
  updateWebhookBodySchema,
  type WebhookDeliveryDto,
  type WebhookDto,
  type WebhookWithSecretDto,
  webhookDeliveryDtoSchema,
  webhookDtoSchema,
  webhookWithSecretDtoSchema,
} from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhook subscriptions of the caller's organization (OWNER, ADMIN). See docs/webhooks.md. */
@ApiTags('webhooks')
@ApiBearerAuth()
@RequirePermission('webhooks.manage')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Get()
  @ApiZodResponse(webhookDtoSchema.array())
  list(@CurrentUser() user: AuthUser): Promise<WebhookDto[]> {
    return this.subscriptions.list(user);
  }

  /** The signing secret is in this answer only. A URL leading to a non-public address is 422 `egress_refused`. */
  @Post()
  @ApiZodBody(createWebhookBodySchema)
  @ApiZodResponse(webhookWithSecretDtoSchema, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createWebhookBodySchema)) body: CreateWebhookBody,
  ): Promise<WebhookWithSecretDto> {
    return this.subscriptions.create(user, body);
  }

  @Get(':webhookId')
  @ApiZodResponse(webhookDtoSchema)
  get(@CurrentUser() user: AuthUser, @Param('webhookId', new ZodPipe(idSchema)) id: string): Promise<WebhookDto> {
    return this.subscriptions.get(user, id);
  }

  @Patch(':webhookId')
  @ApiZodBody(updateWebhookBodySchema)
  @ApiZodResponse(webhookDtoSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('webhookId', new ZodPipe(idSchema)) id: string,
    @Body(new ZodPipe(updateWebhookBodySchema)) body: UpdateWebhookBody,
  ): Promise<WebhookDto> {
    return this.subscriptions.update(user, id, body);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('webhookId', new ZodPipe(idSchema)) id: string): Promise<void> {
    return this.subscriptions.remove(user, id);
  }

  /** A new secret, in this answer only; the previous one still signs (a second `v1=`) until it expires. */
  @Post(':webhookId/rotate-secret')
  @ApiZodBody(rotateWebhookSecretBodySchema)
  @ApiZodResponse(webhookWithSecretDtoSchema, 201)
  rotateSecret(
    @CurrentUser() user: AuthUser,
    @Param('webhookId', new ZodPipe(idSchema)) id: string,
    @Body(new ZodPipe(rotateWebhookSecretBodySchema)) body: RotateWebhookSecretBody,
  ): Promise<WebhookWithSecretDto> {
    return this.subscriptions.rotateSecret(user, id, body);
  }

  /** Queues a `webhook.test` event. */
  @Post(':webhookId/test')
  @HttpCode(202)
  @ApiZodResponse(queuedWebhookEventDtoSchema, 202)
  test(@CurrentUser() user: AuthUser, @Param('webhookId', new ZodPipe(idSchema)) id: string): Promise<QueuedWebhookEventDto> {
    return this.webhooks.sendTest(user, id);
  }

  /** Attempts, newest first. */
  @Get(':webhookId/deliveries')
  @ApiZodResponse(webhookDeliveryDtoSchema.array())
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('webhookId', new ZodPipe(idSchema)) id: string,
    @Query(new ZodPipe(listWebhookDeliveriesQuerySchema)) query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveries(user, id, query);
  }

  /** Queues the logged attempt's event again (same event id). */
  @Post('deliveries/:deliveryId/resend')
  @HttpCode(202)
  @ApiZodResponse(queuedWebhookEventDtoSchema, 202)
  resend(@CurrentUser() user: AuthUser, @Param('deliveryId', new ZodPipe(idSchema)) id: string): Promise<QueuedWebhookEventDto> {
    return this.webhooks.resend(user, id);
  }
}
