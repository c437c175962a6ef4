import { avatarPath, type ProfileDto, type UpdateProfileBody } from '@chatiq/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { newAttachmentKey } from '../uploads/attachment-keys.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage, type StoredAttachment } from '../uploads/attachment-storage.js';
import { squareAvatar } from './avatar-image.js';

const PROFILE_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  avatarKey: true,
  notificationsMuted: true,
  passwordHash: true,
  organization: { select: { name: true } },
} as const;

type ProfileRow = {
  id: string;
  email: string;
  name: string;
  role: ProfileDto['role'];
  avatarKey: string | null;
  notificationsMuted: boolean;
  passwordHash: string | null;
  organization: { name: string };
};

/**
 * The signed-in member's own profile: display name, avatar, notification settings. Every call
 * reads and writes the caller's own row only (no id in any route), so no one changes another's.
 * Avatars live in the attachment storage under a new random key per picture; the old picture is
 * deleted once the row points at the new one.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async get(user: AuthUser): Promise<ProfileDto> {
    return toProfileDto(await this.row(user));
  }

  async update(user: AuthUser, body: UpdateProfileBody): Promise<ProfileDto> {
    const row = await this.prisma.user.update({
      where: { id: user.id, organizationId: user.organizationId },
      data: { name: body.name, notificationsMuted: body.notificationsMuted },
      select: PROFILE_SELECT,
    });
    return toProfileDto(row);
  }

  /** Stores `bytes` (an uploaded image, untrusted) as the member's avatar, replacing the old one. */
  async setAvatar(user: AuthUser, bytes: Buffer | undefined): Promise<ProfileDto> {
    if (!bytes) throw new AppError('validation_failed', 'Send the image in the field "file"', [{ path: ['file'], message: 'Required' }]);
    const image = await squareAvatar(bytes);
    const key = newAttachmentKey();
    await this.storage.put(key, image, { contentType: 'image/webp' });
    try {
      return await this.replaceAvatar(user, key);
    } catch (error) {
      await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
  }

  async removeAvatar(user: AuthUser): Promise<ProfileDto> {
    return this.replaceAvatar(user, null);
  }

  /** The picture under `key` if it is someone's avatar (a chat attachment's key is not served here). */
  async openAvatar(key: string): Promise<StoredAttachment> {
    const owner = await this.prisma.user.findUnique({ where: { avatarKey: key }, select: { id: true } });
    const file = owner ? await this.storage.get(key) : null;
    if (!file) throw new AppError('not_found', 'No such avatar');
    return file;
  }

  /** Points the row at `key` (the row locked, so two uploads at once leave one picture), then deletes the old file. */
  private async replaceAvatar(user: AuthUser, key: string | null): Promise<ProfileDto> {
    const { row, previous } = await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ avatarKey: string | null }[]>`
        SELECT "avatarKey" FROM "User" WHERE id = ${user.id} AND "organizationId" = ${user.organizationId} FOR UPDATE`;
      if (!locked) throw new AppError('not_found', 'No such member');
      const updated = await tx.user.update({ where: { id: user.id }, data: { avatarKey: key }, select: PROFILE_SELECT });
      return { row: updated, previous: locked.avatarKey };
    });
    if (previous && previous !== key) await this.storage.delete(previous).catch(() => undefined);
    return toProfileDto(row);
  }

  private async row(user: AuthUser): Promise<ProfileRow> {
    const row = await this.prisma.user.findFirst({ where: { id: user.id, organizationId: user.organizationId }, select: PROFILE_SELECT });
    if (!row) throw new AppError('not_found', 'No such member');
    return row;
  }
}

function toProfileDto(row: ProfileRow): ProfileDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationName: row.organization.name,
    avatarUrl: row.avatarKey ? avatarPath(row.avatarKey) : null,
    notificationsMuted: row.notificationsMuted,
    hasPassword: row.passwordHash !== null,
  };
}
