-- CreateEnum
CREATE TYPE "AiChatState" AS ENUM ('AI', 'WAITING_FOR_HUMAN', 'HUMAN');

-- CreateEnum
CREATE TYPE "AiBackend" AS ENUM ('RESPONSES', 'CHAT_COMPLETIONS');

-- DropIndex
DROP INDEX "QuickTemplate_organizationId_idx";

-- DropIndex
DROP INDEX "QuickTemplate_siteId_shortcut_key";

-- AlterTable (the AI columns were never written: AI settings move to their own table)
ALTER TABLE "Site" DROP COLUMN "aiApiKeyEncrypted",
DROP COLUMN "aiEnabled",
DROP COLUMN "aiInstructions",
DROP COLUMN "aiModel",
DROP COLUMN "aiVectorStoreIds";

-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "aiState" "AiChatState",
ADD COLUMN     "aiTokensUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "followUpAt" TIMESTAMP(3),
ADD COLUMN     "followUpNotifiedAt" TIMESTAMP(3);

-- AlterTable (no code ever wrote auto-replies before this migration, so triggerValue holds nothing)
ALTER TABLE "AutoReply" DROP COLUMN "triggerValue",
ADD COLUMN     "assignToOperatorId" TEXT,
ADD COLUMN     "keywords" TEXT[],
ADD COLUMN     "noReplySeconds" INTEGER,
ADD COLUMN     "pattern" TEXT,
ADD COLUMN     "setStatus" "ChatStatus",
ADD COLUMN     "stopAfter" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable (existing templates were all per site: their scope is their site)
ALTER TABLE "QuickTemplate" ADD COLUMN     "scope" TEXT,
ALTER COLUMN "siteId" DROP NOT NULL;
UPDATE "QuickTemplate" SET "scope" = COALESCE("siteId", 'org');
ALTER TABLE "QuickTemplate" ALTER COLUMN "scope" SET NOT NULL;

-- AlterTable (the weekly plan keeps the old intervals, which had its shape)
ALTER TABLE "BusinessHours" ADD COLUMN     "announcedOnline" BOOLEAN,
ADD COLUMN     "exceptions" JSONB,
ADD COLUMN     "nextChangeAt" TIMESTAMP(3),
ADD COLUMN     "weekly" JSONB;
UPDATE "BusinessHours" SET "weekly" = "intervals", "exceptions" = '[]'::jsonb;
ALTER TABLE "BusinessHours" DROP COLUMN "intervals",
ALTER COLUMN "weekly" SET NOT NULL,
ALTER COLUMN "exceptions" SET NOT NULL;

-- CreateTable
CREATE TABLE "AutoReplyFiring" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "autoReplyId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "messageId" TEXT,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AutoReplyFiring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WelcomeMessage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WelcomeMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiSettings" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "apiKeyEncrypted" TEXT,
    "apiKeyLast4" TEXT,
    "baseUrl" TEXT,
    "backend" "AiBackend" NOT NULL DEFAULT 'RESPONSES',
    "model" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "vectorStoreIds" TEXT[],
    "maxOutputTokens" INTEGER NOT NULL DEFAULT 1024,
    "dailyTokenCap" INTEGER NOT NULL DEFAULT 1000000,
    "chatTokenCap" INTEGER NOT NULL DEFAULT 50000,
    "status" TEXT NOT NULL DEFAULT 'unverified',
    "statusMessage" TEXT,
    "statusCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiUsageDay" (
    "organizationId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "handoffs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AiUsageDay_pkey" PRIMARY KEY ("siteId","day")
);

-- CreateTable
CREATE TABLE "ChatTransition" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "from" "AiChatState",
    "to" "AiChatState" NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AutoReplyFiring_chatId_idx" ON "AutoReplyFiring"("chatId");

-- CreateIndex
CREATE INDEX "AutoReplyFiring_organizationId_idx" ON "AutoReplyFiring"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "AutoReplyFiring_autoReplyId_chatId_cause_key" ON "AutoReplyFiring"("autoReplyId", "chatId", "cause");

-- CreateIndex
CREATE INDEX "WelcomeMessage_organizationId_idx" ON "WelcomeMessage"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "WelcomeMessage_siteId_language_key" ON "WelcomeMessage"("siteId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "AiSettings_siteId_key" ON "AiSettings"("siteId");

-- CreateIndex
CREATE INDEX "AiSettings_organizationId_idx" ON "AiSettings"("organizationId");

-- CreateIndex
CREATE INDEX "AiUsageDay_organizationId_idx" ON "AiUsageDay"("organizationId");

-- CreateIndex
CREATE INDEX "ChatTransition_chatId_createdAt_idx" ON "ChatTransition"("chatId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatTransition_organizationId_idx" ON "ChatTransition"("organizationId");

-- CreateIndex
CREATE INDEX "Chat_followUpAt_idx" ON "Chat"("followUpAt");

-- CreateIndex
CREATE INDEX "QuickTemplate_siteId_idx" ON "QuickTemplate"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickTemplate_organizationId_scope_shortcut_key" ON "QuickTemplate"("organizationId", "scope", "shortcut");

-- CreateIndex
CREATE INDEX "BusinessHours_nextChangeAt_idx" ON "BusinessHours"("nextChangeAt");

-- AddForeignKey
ALTER TABLE "AutoReplyFiring" ADD CONSTRAINT "AutoReplyFiring_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutoReplyFiring" ADD CONSTRAINT "AutoReplyFiring_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutoReplyFiring" ADD CONSTRAINT "AutoReplyFiring_autoReplyId_fkey" FOREIGN KEY ("autoReplyId") REFERENCES "AutoReply"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeMessage" ADD CONSTRAINT "WelcomeMessage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeMessage" ADD CONSTRAINT "WelcomeMessage_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSettings" ADD CONSTRAINT "AiSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSettings" ADD CONSTRAINT "AiSettings_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiUsageDay" ADD CONSTRAINT "AiUsageDay_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiUsageDay" ADD CONSTRAINT "AiUsageDay_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatTransition" ADD CONSTRAINT "ChatTransition_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatTransition" ADD CONSTRAINT "ChatTransition_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

