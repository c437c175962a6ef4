import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuthModule } from '../auth/auth.module.js';
import { ChatsModule } from '../chats/chats.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { SitesModule } from '../sites/sites.module.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { LocalDiskAttachmentStorage } from './local-disk-storage.js';
import { AttachmentUploadEngine } from './upload-engine.js';
import { DiscardUploadOnErrorInterceptor, FileTooLargeInterceptor, OperatorChatUploadGuard } from './upload-request.js';
import { WidgetAttachmentsController } from './widget-attachments.controller.js';

/** The AttachmentStorage in use: the local disk (UPLOADS_DIR). An S3 storage would be chosen here. */
@Module({
  providers: [
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): AttachmentStorage => new LocalDiskAttachmentStorage(config.uploads.dir),
    },
  ],
  exports: [ATTACHMENT_STORAGE],
})
export class AttachmentStorageModule {}

/** Chat attachments: upload and download for operators and visitors. */
@Module({
  imports: [
    AuthModule,
    AttachmentStorageModule,
    ChatsModule,
    SitesModule,
    MulterModule.registerAsync({
      imports: [AttachmentStorageModule],
      inject: [ATTACHMENT_STORAGE, APP_CONFIG],
      useFactory: (storage: AttachmentStorage, config: AppConfig) => ({
        storage: new AttachmentUploadEngine(storage),
        // Busboy stops passing bytes past fileSize, and multer answers 413: nothing bigger is stored.
        limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 8, fieldSize: 32 * 1024, fieldNameSize: 100, parts: 10 },
        // Browsers send the filename as raw UTF-8.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController, WidgetAttachmentsController],
  providers: [AttachmentsService, OperatorChatUploadGuard, DiscardUploadOnErrorInterceptor, FileTooLargeInterceptor],
})
export class UploadsModule {}
