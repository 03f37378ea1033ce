-- The engine's output, with the extension it needs put first by hand (Prisma's "customize a migration"
-- workflow; the schema does not declare extensions). pg_trgm ships with PostgreSQL's contrib and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Paper_title_idx" ON "Paper" USING GIST ("title" gist_trgm_ops);
