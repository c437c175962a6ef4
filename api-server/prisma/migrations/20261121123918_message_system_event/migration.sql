-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "systemEvent" JSONB;

