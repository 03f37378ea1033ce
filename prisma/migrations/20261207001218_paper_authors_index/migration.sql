-- CreateIndex
CREATE INDEX "Paper_authors_idx" ON "Paper" USING GIN ("authors");
