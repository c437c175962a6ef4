-- A member's profile: an avatar (a key in the attachment storage, served at /avatars/:key) and
-- whether the inbox's sound and browser notifications are off (kept per member, not per browser).

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "avatarKey" TEXT,
ADD COLUMN     "notificationsMuted" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "User_avatarKey_key" ON "User"("avatarKey");
