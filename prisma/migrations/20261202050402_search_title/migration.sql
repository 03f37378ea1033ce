-- The engine's output, with hand edits (Prisma's "customize a migration" workflow), as in paper_search:
-- "titleVector" is a generated column, so Postgres keeps it in step with the title on every insert and update.
-- Search ranks title matches first; this small vector's own GIN index finds them without reading the
-- abstracts' (see lib/papers/search.ts).

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "titleVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title)) STORED;

-- CreateIndex
CREATE INDEX "Paper_titleVector_idx" ON "Paper" USING GIN ("titleVector");

-- An exact title (as typed, in any case) ranks first. The schema cannot declare an expression index.
CREATE INDEX "Paper_title_lower_idx" ON "Paper" (lower(title));
