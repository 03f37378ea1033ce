-- CreateEnum
CREATE TYPE "ImportSource" AS ENUM ('ARXIV_FEED', 'ARXIV_API', 'HF_DAILY');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'EMPTY', 'PARTIAL', 'FAILED');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "editedAt" TIMESTAMPTZ(3),
ADD COLUMN     "parentId" TEXT;

-- AlterTable
ALTER TABLE "DigestDelivery" ADD COLUMN     "runId" TEXT;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "aiKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "aiSummary" TEXT,
ADD COLUMN     "announceType" TEXT,
ADD COLUMN     "announcedOn" DATE,
ADD COLUMN     "arxivComment" TEXT,
ADD COLUMN     "arxivFetchedAt" TIMESTAMPTZ(3),
ADD COLUMN     "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "doi" TEXT,
ADD COLUMN     "githubStars" INTEGER,
ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "journalRef" TEXT,
ADD COLUMN     "license" TEXT,
ADD COLUMN     "organization" TEXT,
ADD COLUMN     "revisedAt" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "profilePrivate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "submitBlockedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL,
    "period" "DigestPeriod" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "source" "ImportSource" NOT NULL,
    "target" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FetchState" (
    "url" TEXT NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FetchState_pkey" PRIMARY KEY ("url")
);

-- CreateTable
CREATE TABLE "AdminAction" (
    "id" TEXT NOT NULL,
    "adminId" TEXT,
    "action" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamThrottle" (
    "host" TEXT NOT NULL,
    "lastRequestAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UpstreamThrottle_pkey" PRIMARY KEY ("host")
);

-- CreateIndex
CREATE INDEX "DigestRun_heartbeatAt_idx" ON "DigestRun"("heartbeatAt");

-- CreateIndex
CREATE INDEX "ImportRun_startedAt_idx" ON "ImportRun"("startedAt" DESC);

-- CreateIndex
CREATE INDEX "ImportRun_source_startedAt_idx" ON "ImportRun"("source", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "AdminAction_createdAt_idx" ON "AdminAction"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Comment_parentId_createdAt_idx" ON "Comment"("parentId", "createdAt");

-- CreateIndex
CREATE INDEX "Paper_categories_idx" ON "Paper" USING GIN ("categories");

-- CreateIndex
CREATE INDEX "Paper_announcedOn_idx" ON "Paper"("announcedOn");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DigestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminAction" ADD CONSTRAINT "AdminAction_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
