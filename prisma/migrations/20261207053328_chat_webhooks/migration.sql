-- CreateEnum
CREATE TYPE "ChatFormat" AS ENUM ('SLACK', 'DISCORD', 'MATTERMOST', 'JSON');

-- CreateEnum
CREATE TYPE "ChatPostKind" AS ENUM ('DAILY', 'FEATURED');

-- CreateTable
CREATE TABLE "ChatWebhook" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" "ChatFormat" NOT NULL,
    "url" TEXT NOT NULL,
    "topCount" INTEGER NOT NULL DEFAULT 5,
    "postFeatured" BOOLEAN NOT NULL DEFAULT false,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "postsFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChatWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatPost" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "kind" "ChatPostKind" NOT NULL,
    "key" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" TIMESTAMPTZ(3),
    "runId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChatPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatWebhook_createdById_idx" ON "ChatWebhook"("createdById");

-- CreateIndex
CREATE INDEX "ChatPost_status_kind_idx" ON "ChatPost"("status", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ChatPost_webhookId_kind_key_key" ON "ChatPost"("webhookId", "kind", "key");

-- AddForeignKey
ALTER TABLE "ChatWebhook" ADD CONSTRAINT "ChatWebhook_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatPost" ADD CONSTRAINT "ChatPost_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "ChatWebhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
