-- AlterTable
ALTER TABLE "AiSettings" ADD COLUMN     "autoResolveAfterMinutes" INTEGER DEFAULT 30;

-- CreateIndex
CREATE INDEX "Chat_aiState_status_lastMessageAt_idx" ON "Chat"("aiState", "status", "lastMessageAt");

