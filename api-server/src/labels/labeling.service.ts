import type { LabelDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import { ChatsService } from '../chats/chats.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { toLabelDto } from '../contacts/contact-dto.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { LabelsService } from './labels.service.js';

/**
 * Putting labels on chats and contacts, and taking them off: whoever sees the chat or contact
 * may. Each change goes out as `labels:updated` (`kind: chat` / `contact`, the label ids now) to the
 * organization's owners and admins and the operators of the sites concerned.
 */
@Injectable()
export class LabelingService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly labels: LabelsService,
    private readonly chats: ChatsService,
    private readonly contacts: ContactsService,
    private readonly fanout: RealtimeFanoutService,
  ) {}

  async ofChat(user: AuthUser, chatId: string): Promise<LabelDto[]> {
    const chat = await this.chats.assertCanSee(user, chatId);
    return this.chatLabels(chat.id);
  }

  async addToChat(user: AuthUser, chatId: string, labelId: string): Promise<LabelDto[]> {
    const chat = await this.chats.assertCanSee(user, chatId);
    const label = await this.labels.find(user, labelId);
    await this.prisma.chatLabel.createMany({
      data: [{ organizationId: user.organizationId, chatId: chat.id, labelId: label.id }],
      skipDuplicates: true,
    });
    return this.chatChanged(chat);
  }

  async removeFromChat(user: AuthUser, chatId: string, labelId: string): Promise<LabelDto[]> {
    const chat = await this.chats.assertCanSee(user, chatId);
    const label = await this.labels.find(user, labelId);
    await this.prisma.chatLabel.deleteMany({ where: { chatId: chat.id, labelId: label.id } });
    return this.chatChanged(chat);
  }

  async ofContact(user: AuthUser, contactId: string): Promise<LabelDto[]> {
    const contact = await this.contacts.findVisible(user, contactId);
    return this.contactLabels(contact.id);
  }

  async addToContact(user: AuthUser, contactId: string, labelId: string): Promise<LabelDto[]> {
    const contact = await this.contacts.findVisible(user, contactId);
    const label = await this.labels.find(user, labelId);
    await this.prisma.contactLabel.createMany({
      data: [{ organizationId: user.organizationId, contactId: contact.id, labelId: label.id }],
      skipDuplicates: true,
    });
    return this.contactChanged(user, contact.id);
  }

  async removeFromContact(user: AuthUser, contactId: string, labelId: string): Promise<LabelDto[]> {
    const contact = await this.contacts.findVisible(user, contactId);
    const label = await this.labels.find(user, labelId);
    await this.prisma.contactLabel.deleteMany({ where: { contactId: contact.id, labelId: label.id } });
    return this.contactChanged(user, contact.id);
  }

  private async chatLabels(chatId: string): Promise<LabelDto[]> {
    const rows = await this.prisma.chatLabel.findMany({ where: { chatId }, include: { label: true }, orderBy: { label: { name: 'asc' } } });
    return rows.map((r) => toLabelDto(r.label));
  }

  private async contactLabels(contactId: string): Promise<LabelDto[]> {
    const rows = await this.prisma.contactLabel.findMany({
      where: { contactId },
      include: { label: true },
      orderBy: { label: { name: 'asc' } },
    });
    return rows.map((r) => toLabelDto(r.label));
  }

  private async chatChanged(chat: { id: string; organizationId: string; siteId: string }): Promise<LabelDto[]> {
    const labels = await this.chatLabels(chat.id);
    this.fanout.labelsUpdated(chat.organizationId, [chat.siteId], {
      kind: 'chat',
      chatId: chat.id,
      siteId: chat.siteId,
      labelIds: labels.map((l) => l.id),
    });
    return labels;
  }

  private async contactChanged(user: AuthUser, contactId: string): Promise<LabelDto[]> {
    const [labels, visitors] = await Promise.all([
      this.contactLabels(contactId),
      this.prisma.visitor.findMany({
        where: { contactId, organizationId: user.organizationId },
        select: { siteId: true },
        distinct: ['siteId'],
      }),
    ]);
    this.fanout.labelsUpdated(
      user.organizationId,
      visitors.map((v) => v.siteId),
      { kind: 'contact', contactId, labelIds: labels.map((l) => l.id) },
    );
    return labels;
  }
}
