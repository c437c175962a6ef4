-- Snooze (issue 16): a chat put aside until a time. SNOOZED is a status like PENDING (not resolved:
-- the chat goes on for the visitor), snoozedUntil says when the scheduler brings it back to OPEN, and is
-- null in every other status. No message changes the column, so its index keeps appends HOT.

-- AlterEnum
ALTER TYPE "ChatStatus" ADD VALUE 'SNOOZED' BEFORE 'RESOLVED';

-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Chat_snoozedUntil_idx" ON "Chat"("snoozedUntil");
