import {
  type ContactDetailDto,
  type ContactDto,
  type ContactListDto,
  contactDetailDtoSchema,
  contactDtoSchema,
  contactListDtoSchema,
  createContactBodySchema,
  idSchema,
  type ListContactsQuery,
  listContactsQuerySchema,
  updateContactBodySchema,
} from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ContactsService } from './contacts.service.js';

/**
 * The people directory. Every member reads and edits the contacts they see (an OPERATOR: those
 * who were visitors on their sites); OWNER and ADMIN create and delete.
 */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

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
}
