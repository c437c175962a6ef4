-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "operatorLastReadSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unreadCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "visitorLastReadSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false;

