import {
  ATTACHMENT_FILE_FIELD,
  type AttachmentUploadResult,
  attachmentUploadFieldsSchema,
  attachmentUploadResultSchema,
  idSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ApiAttachmentUpload } from './api-multipart.js';
import { AttachmentsService } from './attachments.service.js';
import { sendAttachment } from './send-attachment.js';
import type { ReceivedUpload } from './upload-engine.js';
import {
  DiscardUploadOnErrorInterceptor,
  FileTooLargeInterceptor,
  MultipartFormOnlyInterceptor,
  OperatorChatUploadGuard,
} from './upload-request.js';

/** Operators' attachments: upload into a chat they may see, download from one. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** A file (and optional caption) as a reply to the visitor: multipart field `file`, plus `clientId`, `text`. */
  @Post('chats/:chatId/attachments')
  @UseGuards(OperatorChatUploadGuard)
  @UseInterceptors(
    FileTooLargeInterceptor,
    MultipartFormOnlyInterceptor,
    FileInterceptor(ATTACHMENT_FILE_FIELD),
    DiscardUploadOnErrorInterceptor,
  )
  @ApiAttachmentUpload(attachmentUploadFieldsSchema)
  @ApiZodResponse(attachmentUploadResultSchema, 201)
  upload(
    @CurrentUser() user: AuthUser,
    @Param('chatId', new ZodPipe(idSchema)) chatId: string,
    @Body(new ZodPipe(attachmentUploadFieldsSchema)) fields: z.output<typeof attachmentUploadFieldsSchema>,
    @UploadedFile() file: ReceivedUpload | undefined,
  ): Promise<AttachmentUploadResult> {
    return this.attachments.uploadAsOperator(user, chatId, fields, file);
  }

  /** The file of a message, streamed with safe headers. */
  @Get('attachments/:messageId')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('messageId', new ZodPipe(idSchema)) messageId: string,
    @Res() res: Response,
  ): Promise<void> {
    await sendAttachment(res, await this.attachments.openForOperator(user, messageId));
  }
}
