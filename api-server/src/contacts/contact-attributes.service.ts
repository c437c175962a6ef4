import {
  type ContactAttributeDefinitionDto,
  type ContactAttributesInput,
  checkAttributeValue,
  type createContactAttributeBodySchema,
  type updateContactAttributeBodySchema,
  type ValidationIssue,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { ContactAttributeDefinition, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { toApiAttributeType, toDbAttributeType } from './contact-dto.js';

type Db = Prisma.TransactionClient | PrismaService;

function toDefinitionDto(d: ContactAttributeDefinition): ContactAttributeDefinitionDto {
  return {
    id: d.id,
    key: d.key,
    label: d.label,
    type: toApiAttributeType(d.type),
    options: d.options,
    description: d.description,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/**
 * Custom contact attributes: the organization's typed definitions (text, number, date, boolean,
 * list with options) and writing values on contacts, each checked against its definition by the
 * contract's `checkAttributeValue`. `strict` (operators, the API) refuses the whole write on one
 * bad value; `lenient` (`chtq.setUser` of a verified user) drops unknown keys and bad values.
 */
@Injectable()
export class ContactAttributesService {
  constructor(private readonly prisma: PrismaService) {}

  async list(user: AuthUser): Promise<ContactAttributeDefinitionDto[]> {
    const rows = await this.prisma.contactAttributeDefinition.findMany({
      where: { organizationId: user.organizationId },
      orderBy: [{ label: 'asc' }, { key: 'asc' }],
    });
    return rows.map(toDefinitionDto);
  }

  async create(user: AuthUser, body: z.output<typeof createContactAttributeBodySchema>): Promise<ContactAttributeDefinitionDto> {
    try {
      const row = await this.prisma.contactAttributeDefinition.create({
        data: {
          organizationId: user.organizationId,
          key: body.key,
          label: body.label,
          type: toDbAttributeType(body.type),
          options: body.type === 'list' ? (body.options ?? []) : [],
          description: body.description ?? null,
        },
      });
      return toDefinitionDto(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('attribute_key_taken', `An attribute with the key "${body.key}" already exists`);
      throw error;
    }
  }

  async update(
    user: AuthUser,
    id: string,
    body: z.output<typeof updateContactAttributeBodySchema>,
  ): Promise<ContactAttributeDefinitionDto> {
    const definition = await this.find(user, id);
    if (body.options !== undefined && definition.type !== 'LIST') {
      throw new AppError('validation_failed', 'Invalid input: options: only a list has options', [
        { path: ['options'], message: 'Only a list has options' },
      ]);
    }
    if (body.options !== undefined && body.options.length === 0) {
      throw new AppError('validation_failed', 'Invalid input: options: a list needs options', [
        { path: ['options'], message: 'A list needs options' },
      ]);
    }
    const row = await this.prisma.contactAttributeDefinition.update({
      where: { id: definition.id },
      data: { label: body.label, options: body.options, description: body.description },
    });
    return toDefinitionDto(row);
  }

  /** Deletes the definition and every contact's value of it. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const definition = await this.find(user, id);
    await this.prisma.contactAttributeDefinition.deleteMany({ where: { id: definition.id, organizationId: user.organizationId } });
  }

  private async find(user: AuthUser, id: string): Promise<ContactAttributeDefinition> {
    const definition = await this.prisma.contactAttributeDefinition.findFirst({ where: { id, organizationId: user.organizationId } });
    if (!definition) throw new AppError('not_found', 'No such attribute');
    return definition;
  }

  /**
   * Writes attribute values on a contact (a `null` removes one). `strict`: every key must be
   * defined and every value fit, else `validation_failed` with an issue per bad key
   * (`attributes.<key>`) and nothing written; `lenient`: the bad ones are skipped.
   */
  async write(db: Db, organizationId: string, contactId: string, input: ContactAttributesInput, mode: 'strict' | 'lenient'): Promise<void> {
    const keys = Object.keys(input);
    if (keys.length === 0) return;
    const definitions = await db.contactAttributeDefinition.findMany({ where: { organizationId, key: { in: keys } } });
    const byKey = new Map(definitions.map((d) => [d.key, d]));
    const issues: ValidationIssue[] = [];
    const writes: { definitionId: string; value: string | number | boolean | null }[] = [];
    for (const [key, raw] of Object.entries(input)) {
      const definition = byKey.get(key);
      if (!definition) {
        issues.push({ path: ['attributes', key], message: 'No attribute has this key' });
        continue;
      }
      if (raw === null) {
        writes.push({ definitionId: definition.id, value: null });
        continue;
      }
      const checked = checkAttributeValue({ type: toApiAttributeType(definition.type), options: definition.options }, raw);
      if (checked.ok) writes.push({ definitionId: definition.id, value: checked.value });
      else issues.push({ path: ['attributes', key], message: checked.message });
    }
    if (mode === 'strict' && issues.length > 0) {
      throw new AppError(
        'validation_failed',
        `Invalid input: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    for (const { definitionId, value } of writes) {
      if (value === null) {
        await db.contactAttributeValue.deleteMany({ where: { contactId, definitionId } });
      } else {
        await db.contactAttributeValue.upsert({
          where: { contactId_definitionId: { contactId, definitionId } },
          create: { organizationId, contactId, definitionId, value },
          update: { value },
        });
      }
    }
  }
}
