-- AlterTable
ALTER TABLE "AiSettings" ADD COLUMN     "autoResolveAfterMinutes" INTEGER DEFAULT 30;

-- CreateIndex
CREATE INDEX "Chat_aiState_status_idx" ON "Chat"("aiState", "status");

