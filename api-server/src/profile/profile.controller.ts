import {
  AVATAR_FILE_FIELD,
  AVATAR_MAX_BYTES,
  avatarKeyParamSchema,
  type ProfileDto,
  profileDtoSchema,
  type UpdateProfileBody,
  updateProfileBodySchema,
} from '@chatiq/contracts';
import {
  Body,
  type CallHandler,
  Controller,
  Delete,
  Get,
  HttpException,
  Injectable,
  type NestInterceptor,
  Param,
  Patch,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ApiAttachmentUpload } from '../uploads/api-multipart.js';
import { MultipartFormOnlyInterceptor } from '../uploads/upload-request.js';
import { tooLarge } from './avatar-image.js';
import { ProfileService } from './profile.service.js';
import { sendAvatar } from './send-avatar.js';

/** Multer's 413 (past AVATAR_MAX_BYTES) as `payload_too_large` with the limit in the message and `maxBytes`. */
@Injectable()
export class AvatarTooLargeInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() => (error instanceof HttpException && error.getStatus() === 413 ? tooLarge() : error)),
        ),
      );
  }
}

/** Your own profile: any role, always the caller's own row. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('profile')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @ApiZodResponse(profileDtoSchema)
  get(@CurrentUser() user: AuthUser): Promise<ProfileDto> {
    return this.profile.get(user);
  }

  /** Your display name (visitors see it on your replies) and notification settings. */
  @Patch()
  @ApiZodBody(updateProfileBodySchema)
  @ApiZodResponse(profileDtoSchema)
  update(@CurrentUser() user: AuthUser, @Body(new ZodPipe(updateProfileBodySchema)) body: UpdateProfileBody): Promise<ProfileDto> {
    return this.profile.update(user, body);
  }

  /**
   * A new avatar: multipart field `file`, a PNG, JPEG or WebP image up to AVATAR_MAX_BYTES (held in
   * memory, never more), cropped to a square and stored as a small WebP.
   */
  @Post('avatar')
  @UseInterceptors(
    AvatarTooLargeInterceptor,
    MultipartFormOnlyInterceptor,
    FileInterceptor(AVATAR_FILE_FIELD, { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5 } }),
  )
  @ApiAttachmentUpload(z.object({}))
  @ApiZodResponse(profileDtoSchema, 201)
  uploadAvatar(@CurrentUser() user: AuthUser, @UploadedFile() file: { buffer?: Buffer } | undefined): Promise<ProfileDto> {
    return this.profile.setAvatar(user, file?.buffer);
  }

  /** Back to initials. */
  @Delete('avatar')
  @ApiZodResponse(profileDtoSchema)
  removeAvatar(@CurrentUser() user: AuthUser): Promise<ProfileDto> {
    return this.profile.removeAvatar(user);
  }
}

/** Avatars, public (the widget shows them to visitors) and cached for good: a new picture has a new key. */
@ApiTags('profile')
@Public()
@Controller('avatars')
export class AvatarsController {
  constructor(private readonly profile: ProfileService) {}

  @Get(':key')
  async avatar(@Param('key', new ZodPipe(avatarKeyParamSchema)) key: string, @Res() res: Response): Promise<void> {
    await sendAvatar(res, await this.profile.openAvatar(key));
  }
}
