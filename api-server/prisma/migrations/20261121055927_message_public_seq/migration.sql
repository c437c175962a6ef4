-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "lastPublicSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "publicSeq" INTEGER;

-- Backfill: number the visitor-visible messages of existing chats.
UPDATE "Message" m SET "publicSeq" = numbered.n
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY "chatId" ORDER BY seq) AS n FROM "Message" WHERE NOT internal) AS numbered
WHERE m.id = numbered.id;
UPDATE "Chat" c SET "lastPublicSeq" = COALESCE((SELECT MAX("publicSeq") FROM "Message" WHERE "chatId" = c.id), 0);
