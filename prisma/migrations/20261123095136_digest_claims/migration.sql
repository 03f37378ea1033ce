-- AlterTable
ALTER TABLE "DigestDelivery" ADD COLUMN     "claimedAt" TIMESTAMPTZ(3);
