import { type ContactNoteBody, type ContactNoteDto, contactNoteBodySchema, contactNoteDtoSchema, idSchema } from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ContactNotesService } from './contact-notes.service.js';

/** Notes about a contact, for every member who sees the contact. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts/:contactId/notes')
export class ContactNotesController {
  constructor(private readonly notes: ContactNotesService) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodResponse(contactNoteDtoSchema.array())
  list(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<ContactNoteDto[]> {
    return this.notes.list(user, contactId);
  }

  @Post()
  @RequirePermission('chats.answer')
  @ApiZodBody(contactNoteBodySchema)
  @ApiZodResponse(contactNoteDtoSchema, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Body(new ZodPipe(contactNoteBodySchema)) body: ContactNoteBody,
  ): Promise<ContactNoteDto> {
    return this.notes.create(user, contactId, body.text);
  }

  @Patch(':noteId')
  @RequirePermission('chats.answer')
  @ApiZodBody(contactNoteBodySchema)
  @ApiZodResponse(contactNoteDtoSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Param('noteId', new ZodPipe(idSchema)) noteId: string,
    @Body(new ZodPipe(contactNoteBodySchema)) body: ContactNoteBody,
  ): Promise<ContactNoteDto> {
    return this.notes.update(user, contactId, noteId, body.text);
  }

  @Delete(':noteId')
  @RequirePermission('chats.answer')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Param('noteId', new ZodPipe(idSchema)) noteId: string,
  ): Promise<void> {
    await this.notes.remove(user, contactId, noteId);
  }
}
