import { type AutoReplyDto, type AutoReplyRule, autoReplyRuleSchema, idSchema } from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { AutoRepliesService } from './auto-replies.service.js';
import { autoReplyRuleServerSchema } from './auto-reply-rule.schema.js';

/** A site's auto-reply rules (OWNER, ADMIN). Patterns are checked with RE2 when saved. */
@ApiTags('automation')
@ApiBearerAuth()
@Controller('sites/:siteId/auto-replies')
@RequirePermission('settings.manage')
export class AutoRepliesController {
  constructor(private readonly autoReplies: AutoRepliesService) {}

  /** In evaluation order (ascending position). */
  @Get()
  @ApiZodResponse(autoReplyRuleSchema.array())
  list(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<AutoReplyDto[]> {
    return this.autoReplies.list(user, siteId);
  }

  @Post()
  @ApiZodBody(autoReplyRuleSchema)
  @ApiZodResponse(autoReplyRuleSchema, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Body(new ZodPipe(autoReplyRuleServerSchema)) body: AutoReplyRule,
  ): Promise<AutoReplyDto> {
    return this.autoReplies.create(user, siteId, body);
  }

  /** Replaces a rule (fields not sent take their defaults). */
  @Put(':id')
  @ApiZodBody(autoReplyRuleSchema)
  @ApiZodResponse(autoReplyRuleSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Param('id', new ZodPipe(idSchema)) id: string,
    @Body(new ZodPipe(autoReplyRuleServerSchema)) body: AutoReplyRule,
  ): Promise<AutoReplyDto> {
    return this.autoReplies.update(user, siteId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Param('id', new ZodPipe(idSchema)) id: string,
  ): Promise<void> {
    await this.autoReplies.remove(user, siteId, id);
  }
}
