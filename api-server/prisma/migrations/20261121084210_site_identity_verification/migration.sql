-- Identity-verification secrets are sealed with the AI_SECRET_KEYS keyring (AES-256-GCM), which SQL
-- cannot do: existing sites stay NULL here and get their secret on first use
-- (api-server/src/sites/identity-secrets.service.ts).

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "identitySecretEncrypted" TEXT;

-- AlterTable
ALTER TABLE "Visitor" ADD COLUMN     "externalUserId" TEXT,
ADD COLUMN     "identityVerifiedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Visitor_siteId_externalUserId_idx" ON "Visitor"("siteId", "externalUserId");

