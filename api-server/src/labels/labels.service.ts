import type { createLabelBodySchema, LabelDto, updateLabelBodySchema } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { toLabelDto } from '../contacts/contact-dto.js';
import type { Label } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';

/**
 * The organization's labels. Chats and contacts point at a label (ChatLabel, ContactLabel), so a
 * rename shows everywhere at once and a delete takes it off everything (cascade). Each change
 * sends the whole list as `labels:updated` to the organization's admin panels.
 */
@Injectable()
export class LabelsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly fanout: RealtimeFanoutService,
  ) {}

  async list(user: AuthUser): Promise<LabelDto[]> {
    return (await this.rows(user.organizationId)).map(toLabelDto);
  }

  /** A label of the caller's organization, else `not_found`. */
  async find(user: AuthUser, labelId: string): Promise<Label> {
    const label = await this.prisma.label.findFirst({ where: { id: labelId, organizationId: user.organizationId } });
    if (!label) throw new AppError('not_found', 'No such label');
    return label;
  }

  async create(user: AuthUser, body: z.output<typeof createLabelBodySchema>): Promise<LabelDto> {
    await this.assertNameFree(user.organizationId, body.name);
    const label = await this.write(body.name, () =>
      this.prisma.label.create({
        data: { organizationId: user.organizationId, name: body.name, color: body.color, description: body.description ?? null },
      }),
    );
    await this.announce(user.organizationId);
    return toLabelDto(label);
  }

  async update(user: AuthUser, labelId: string, body: z.output<typeof updateLabelBodySchema>): Promise<LabelDto> {
    const label = await this.find(user, labelId);
    if (body.name !== undefined) await this.assertNameFree(user.organizationId, body.name, label.id);
    const updated = await this.write(body.name ?? label.name, () =>
      this.prisma.label.update({
        where: { id: label.id },
        data: { name: body.name, color: body.color, description: body.description },
      }),
    );
    await this.announce(user.organizationId);
    return toLabelDto(updated);
  }

  /** Deletes the label and takes it off every chat and contact. */
  async remove(user: AuthUser, labelId: string): Promise<void> {
    const label = await this.find(user, labelId);
    await this.prisma.label.deleteMany({ where: { id: label.id, organizationId: user.organizationId } });
    await this.announce(user.organizationId);
  }

  private rows(organizationId: string): Promise<Label[]> {
    return this.prisma.label.findMany({ where: { organizationId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }

  /** Names are unique per organization whatever their case ("Refund" and "refund" are one label). */
  private async assertNameFree(organizationId: string, name: string, exceptId?: string): Promise<void> {
    const taken = await this.prisma.label.findFirst({
      where: { organizationId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (taken) throw labelTaken(name);
  }

  private async write(name: string, run: () => Promise<Label>): Promise<Label> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw labelTaken(name);
      throw error;
    }
  }

  private async announce(organizationId: string): Promise<void> {
    const [labels, sites] = await Promise.all([
      this.rows(organizationId),
      this.prisma.site.findMany({ where: { organizationId }, select: { id: true } }),
    ]);
    this.fanout.labelsUpdated(
      organizationId,
      sites.map((s) => s.id),
      { kind: 'labels', labels: labels.map(toLabelDto) },
    );
  }
}

function labelTaken(name: string): AppError {
  return new AppError('label_taken', `A label named "${name}" already exists`);
}
