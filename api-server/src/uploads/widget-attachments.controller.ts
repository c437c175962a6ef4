import {
  ATTACHMENT_FILE_FIELD,
  type AttachmentUploadResult,
  attachmentUploadResultSchema,
  idSchema,
  widgetAttachmentQuerySchema,
  widgetAttachmentUploadFieldsSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { RateLimit } from '../auth/auth-rate-limit.guard.js';
import { Public } from '../auth/public.decorator.js';
import { ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ApiAttachmentUpload } from './api-multipart.js';
import { AttachmentsService } from './attachments.service.js';
import { sendAttachment } from './send-attachment.js';
import type { ReceivedUpload } from './upload-engine.js';
import {
  DiscardUploadOnErrorInterceptor,
  FileTooLargeInterceptor,
  MultipartFormOnlyInterceptor,
  widgetRequestOrigin,
} from './upload-request.js';

/** The visitor's attachments, for the widget: identified by site public id + visitor id, and the page's origin. */
@ApiTags('widget')
@Public()
@Controller('widget/attachments')
export class WidgetAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** A visitor's file into their open chat: multipart field `file`, plus `siteId`, `visitorId`, `clientId`, `text`. */
  @Post()
  @RateLimit('widget')
  @UseInterceptors(
    FileTooLargeInterceptor,
    MultipartFormOnlyInterceptor,
    FileInterceptor(ATTACHMENT_FILE_FIELD),
    DiscardUploadOnErrorInterceptor,
  )
  @ApiAttachmentUpload(widgetAttachmentUploadFieldsSchema)
  @ApiZodResponse(attachmentUploadResultSchema, 201)
  upload(
    @Req() req: Request,
    @Body(new ZodPipe(widgetAttachmentUploadFieldsSchema)) fields: z.output<typeof widgetAttachmentUploadFieldsSchema>,
    @UploadedFile() file: ReceivedUpload | undefined,
  ): Promise<AttachmentUploadResult> {
    return this.attachments.uploadAsVisitor(req.headers.origin, fields, file);
  }

  /** The file of a message of the visitor's chat, streamed with safe headers. */
  @Get(':messageId')
  @RateLimit('widget')
  @ApiZodQuery(widgetAttachmentQuerySchema)
  async download(
    @Req() req: Request,
    @Param('messageId', new ZodPipe(idSchema)) messageId: string,
    @Query(new ZodPipe(widgetAttachmentQuerySchema)) query: z.output<typeof widgetAttachmentQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.attachments.openForVisitor(widgetRequestOrigin(req), messageId, query);
    // Customers' pages show the previews: let them embed the file.
    await sendAttachment(res, file, { 'Cross-Origin-Resource-Policy': 'cross-origin' });
  }
}
