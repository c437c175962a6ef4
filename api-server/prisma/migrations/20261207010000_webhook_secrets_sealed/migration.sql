-- Webhook signing secrets are sealed at rest with the AI_SECRET_KEYS keyring (see
-- src/webhooks/webhook-secrets.service.ts). SQL cannot seal, so the plain columns are dropped and
-- sealed ones created in their place. Webhooks are brand new: no production database has rows
-- yet. A database that does (a developer's) makes this migration fail on the NOT NULL column
-- instead of losing secrets silently: delete its "WebhookSubscription" rows, then migrate again.

-- AlterTable
ALTER TABLE "WebhookSubscription" DROP COLUMN "previousSecret",
DROP COLUMN "secret",
ADD COLUMN     "previousSecretEncrypted" TEXT,
ADD COLUMN     "secretEncrypted" TEXT NOT NULL;
