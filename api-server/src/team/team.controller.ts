import {
  type AcceptInvitationBody,
  type AuthResponse,
  acceptInvitationBodySchema,
  authResponseSchema,
  type ColleagueDto,
  type CreatedInvitationDto,
  type CreateInvitationBody,
  colleagueDtoSchema,
  createdInvitationDtoSchema,
  createInvitationBodySchema,
  type InvitationDto,
  idSchema,
  invitationDtoSchema,
  type ListColleaguesQuery,
  listColleaguesQuerySchema,
  type MemberDto,
  memberDtoSchema,
  type UpdateMemberBody,
  updateMemberBodySchema,
} from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '../auth/auth-rate-limit.guard.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import { Public } from '../auth/public.decorator.js';
import { RetryAfterInterceptor } from '../auth/retry-after.interceptor.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { TeamService } from './team.service.js';

@ApiTags('team')
@Controller('team')
@UseInterceptors(RetryAfterInterceptor)
export class TeamController {
  constructor(private readonly team: TeamService) {}

  /** Members of your organization with the sites each is assigned to. OWNER, ADMIN. */
  @Get('members')
  @RequirePermission('team.read')
  @ApiBearerAuth()
  @ApiZodResponse(memberDtoSchema.array())
  listMembers(@CurrentUser() user: AuthUser): Promise<MemberDto[]> {
    return this.team.listMembers(user);
  }

  /**
   * Whom a chat of the site can be transferred to (the inbox's transfer select): the active
   * members who may take its chats. Any role, for a site the caller can see (else 404).
   */
  @Get('colleagues')
  @RequirePermission('chats.answer')
  @ApiBearerAuth()
  @ApiZodQuery(listColleaguesQuerySchema)
  @ApiZodResponse(colleagueDtoSchema.array())
  listColleagues(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(listColleaguesQuerySchema)) query: ListColleaguesQuery,
  ): Promise<ColleagueDto[]> {
    return this.team.listColleagues(user, query.siteId);
  }

  /** Role, site assignments (the whole set) and active; `active: false` signs the member out everywhere at once. */
  @Patch('members/:userId')
  @RequirePermission('team.manage')
  @ApiBearerAuth()
  @ApiZodBody(updateMemberBodySchema)
  @ApiZodResponse(memberDtoSchema)
  updateMember(
    @CurrentUser() user: AuthUser,
    @Param('userId', new ZodPipe(idSchema)) userId: string,
    @Body(new ZodPipe(updateMemberBodySchema)) body: UpdateMemberBody,
  ): Promise<MemberDto> {
    return this.team.updateMember(user, userId, body);
  }

  @Get('invitations')
  @RequirePermission('team.read')
  @ApiBearerAuth()
  @ApiZodResponse(invitationDtoSchema.array())
  listInvitations(@CurrentUser() user: AuthUser): Promise<InvitationDto[]> {
    return this.team.listInvitations(user);
  }

  /**
   * Mails an invitation link (valid 7 days, once). Only an OWNER may invite an ADMIN. Without mail
   * (no SMTP_URL) the answer carries the link, for the inviter to pass on.
   */
  @Post('invitations')
  @RequirePermission('team.manage')
  @ApiBearerAuth()
  @ApiZodBody(createInvitationBodySchema)
  @ApiZodResponse(createdInvitationDtoSchema, 201)
  invite(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createInvitationBodySchema)) body: CreateInvitationBody,
  ): Promise<CreatedInvitationDto> {
    return this.team.invite(user, body);
  }

  /** Creates your account from an invitation link's token and signs you in (answered like a login). */
  @Public()
  @Post('invitations/accept')
  @RateLimit('invitation-accept')
  @ApiZodBody(acceptInvitationBodySchema)
  @ApiZodResponse(authResponseSchema, 201)
  accept(@Body(new ZodPipe(acceptInvitationBodySchema)) body: AcceptInvitationBody): Promise<AuthResponse> {
    return this.team.accept(body);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @RequirePermission('team.manage')
  @ApiBearerAuth()
  @ApiResponse({ status: 204 })
  revokeInvitation(@CurrentUser() user: AuthUser, @Param('invitationId', new ZodPipe(idSchema)) invitationId: string): Promise<void> {
    return this.team.revokeInvitation(user, invitationId);
  }
}
