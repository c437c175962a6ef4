import type { ContactNoteDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { toContactNoteDto } from './contact-dto.js';
import { ContactsService } from './contacts.service.js';

/** Notes about a contact: whoever sees the contact reads, writes, edits and deletes them. */
@Injectable()
export class ContactNotesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly contacts: ContactsService,
  ) {}

  async list(user: AuthUser, contactId: string): Promise<ContactNoteDto[]> {
    const contact = await this.contacts.findVisible(user, contactId);
    const notes = await this.prisma.contactNote.findMany({ where: { contactId: contact.id }, orderBy: { createdAt: 'desc' } });
    return notes.map(toContactNoteDto);
  }

  async create(user: AuthUser, contactId: string, text: string): Promise<ContactNoteDto> {
    const contact = await this.contacts.findVisible(user, contactId);
    const note = await this.prisma.contactNote.create({
      data: { organizationId: user.organizationId, contactId: contact.id, authorId: user.id, authorName: user.name, text },
    });
    return toContactNoteDto(note);
  }

  async update(user: AuthUser, contactId: string, noteId: string, text: string): Promise<ContactNoteDto> {
    const contact = await this.contacts.findVisible(user, contactId);
    const changed = await this.prisma.contactNote.updateMany({ where: { id: noteId, contactId: contact.id }, data: { text } });
    if (changed.count === 0) throw new AppError('not_found', 'No such note');
    return toContactNoteDto(await this.prisma.contactNote.findUniqueOrThrow({ where: { id: noteId } }));
  }

  async remove(user: AuthUser, contactId: string, noteId: string): Promise<void> {
    const contact = await this.contacts.findVisible(user, contactId);
    const deleted = await this.prisma.contactNote.deleteMany({ where: { id: noteId, contactId: contact.id } });
    if (deleted.count === 0) throw new AppError('not_found', 'No such note');
  }
}
