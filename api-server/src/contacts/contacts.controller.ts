import {
  type ContactDetailDto,
  type ContactDto,
  type ContactListDto,
  type ContactMergeDto,
  contactDetailDtoSchema,
  contactDtoSchema,
  contactListDtoSchema,
  contactMergeDtoSchema,
  createContactBodySchema,
  idSchema,
  type ListContactsQuery,
  listContactsQuerySchema,
  type MergeContactsBody,
  mergeContactsBodySchema,
  updateContactBodySchema,
} from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ContactBlocksService } from './contact-blocks.service.js';
import { ContactMergesService } from './contact-merges.service.js';
import { ContactsService } from './contacts.service.js';

const mergeAnswerSchema = z.object({ contact: contactDtoSchema, merge: contactMergeDtoSchema });
const unmergeAnswerSchema = z.object({ target: contactDtoSchema, source: contactDtoSchema, merge: contactMergeDtoSchema });

/**
 * The people directory. Every member reads and edits the contacts they see (an OPERATOR: those
 * who were visitors on their sites); OWNER and ADMIN create, delete, merge and block.
 */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly merges: ContactMergesService,
    private readonly blocks: ContactBlocksService,
  ) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodQuery(listContactsQuerySchema)
  @ApiZodResponse(contactListDtoSchema)
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(listContactsQuerySchema)) query: ListContactsQuery): Promise<ContactListDto> {
    return this.contacts.list(user, query);
  }

  @Post()
  @RequirePermission('contacts.manage')
  @ApiZodBody(createContactBodySchema)
  @ApiZodResponse(contactDtoSchema, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createContactBodySchema)) body: z.output<typeof createContactBodySchema>,
  ): Promise<ContactDto> {
    return this.contacts.create(user, body);
  }

  /** Undoes a merge: what it moved goes back to the source contact, shown again. */
  @Post('merges/:mergeId/unmerge')
  @RequirePermission('contacts.manage')
  @HttpCode(200)
  @ApiZodResponse(unmergeAnswerSchema)
  unmerge(@CurrentUser() user: AuthUser, @Param('mergeId', new ZodPipe(idSchema)) mergeId: string) {
    return this.merges.unmerge(user, mergeId);
  }

  /** The profile with notes, visitors and every conversation (newest first). */
  @Get(':contactId')
  @RequirePermission('chats.answer')
  @ApiZodResponse(contactDetailDtoSchema)
  get(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<ContactDetailDto> {
    return this.contacts.detail(user, contactId);
  }

  @Patch(':contactId')
  @RequirePermission('chats.answer')
  @ApiZodBody(updateContactBodySchema)
  @ApiZodResponse(contactDtoSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Body(new ZodPipe(updateContactBodySchema)) body: z.output<typeof updateContactBodySchema>,
  ): Promise<ContactDto> {
    return this.contacts.update(user, contactId, body);
  }

  @Delete(':contactId')
  @RequirePermission('contacts.manage')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<void> {
    await this.contacts.remove(user, contactId);
  }

  /** Merges `sourceId` into this contact (undoable: see the answer's `merge`). */
  @Post(':contactId/merge')
  @RequirePermission('contacts.manage')
  @HttpCode(200)
  @ApiZodBody(mergeContactsBodySchema)
  @ApiZodResponse(mergeAnswerSchema)
  merge(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Body(new ZodPipe(mergeContactsBodySchema)) body: MergeContactsBody,
  ) {
    return this.merges.merge(user, contactId, body.sourceId);
  }

  @Get(':contactId/merges')
  @RequirePermission('chats.answer')
  @ApiZodResponse(contactMergeDtoSchema.array())
  mergesOf(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<ContactMergeDto[]> {
    return this.merges.list(user, contactId);
  }

  @Post(':contactId/block')
  @RequirePermission('contacts.manage')
  @HttpCode(200)
  @ApiZodResponse(contactDtoSchema)
  block(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<ContactDto> {
    return this.blocks.block(user, contactId);
  }

  @Post(':contactId/unblock')
  @RequirePermission('contacts.manage')
  @HttpCode(200)
  @ApiZodResponse(contactDtoSchema)
  unblock(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<ContactDto> {
    return this.blocks.unblock(user, contactId);
  }
}
