-- CreateTable
CREATE TABLE "PaperSeen" (
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperSeen_pkey" PRIMARY KEY ("userId","paperId")
);

-- CreateIndex
CREATE INDEX "PaperSeen_paperId_idx" ON "PaperSeen"("paperId");

-- AddForeignKey
ALTER TABLE "PaperSeen" ADD CONSTRAINT "PaperSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperSeen" ADD CONSTRAINT "PaperSeen_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;
