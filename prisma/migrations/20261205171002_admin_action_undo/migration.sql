-- AlterTable
ALTER TABLE "AdminAction" ADD COLUMN     "undo" JSONB;
