import { Module } from '@nestjs/common';
import { AttachmentStorageModule } from '../uploads/uploads.module.js';
import { AvatarsController, AvatarTooLargeInterceptor, ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';

/** The signed-in member's profile (name, avatar, notification settings) and the public avatars. */
@Module({
  imports: [AttachmentStorageModule],
  controllers: [ProfileController, AvatarsController],
  providers: [ProfileService, AvatarTooLargeInterceptor],
})
export class ProfileModule {}
