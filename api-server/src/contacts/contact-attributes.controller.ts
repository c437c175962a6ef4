import {
  type ContactAttributeDefinitionDto,
  contactAttributeDefinitionDtoSchema,
  createContactAttributeBodySchema,
  idSchema,
  updateContactAttributeBodySchema,
} from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ContactAttributesService } from './contact-attributes.service.js';

/** The organization's custom contact attributes: every member reads them; OWNER and ADMIN define them. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contact-attributes')
export class ContactAttributesController {
  constructor(private readonly attributes: ContactAttributesService) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodResponse(contactAttributeDefinitionDtoSchema.array())
  list(@CurrentUser() user: AuthUser): Promise<ContactAttributeDefinitionDto[]> {
    return this.attributes.list(user);
  }

  @Post()
  @RequirePermission('settings.manage')
  @ApiZodBody(createContactAttributeBodySchema)
  @ApiZodResponse(contactAttributeDefinitionDtoSchema, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createContactAttributeBodySchema)) body: z.output<typeof createContactAttributeBodySchema>,
  ): Promise<ContactAttributeDefinitionDto> {
    return this.attributes.create(user, body);
  }

  @Patch(':attributeId')
  @RequirePermission('settings.manage')
  @ApiZodBody(updateContactAttributeBodySchema)
  @ApiZodResponse(contactAttributeDefinitionDtoSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('attributeId', new ZodPipe(idSchema)) attributeId: string,
    @Body(new ZodPipe(updateContactAttributeBodySchema)) body: z.output<typeof updateContactAttributeBodySchema>,
  ): Promise<ContactAttributeDefinitionDto> {
    return this.attributes.update(user, attributeId, body);
  }

  /** Deletes the attribute and every contact's value of it. */
  @Delete(':attributeId')
  @RequirePermission('settings.manage')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('attributeId', new ZodPipe(idSchema)) attributeId: string): Promise<void> {
    await this.attributes.remove(user, attributeId);
  }
}
