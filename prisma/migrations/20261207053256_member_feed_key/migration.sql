-- AlterTable
ALTER TABLE "User" ADD COLUMN     "feedKeyVersion" INTEGER NOT NULL DEFAULT 0;
