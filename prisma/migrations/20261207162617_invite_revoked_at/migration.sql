-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "revokedAt" TIMESTAMPTZ(3);
