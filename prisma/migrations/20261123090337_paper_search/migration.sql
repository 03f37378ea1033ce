-- The engine's output, with one hand edit (Prisma's "customize a migration" workflow): "searchVector" is a
-- generated column, so Postgres keeps it in step with the text on every insert and update.
-- array_to_string is only STABLE in general but IMMUTABLE for text[]; the wrapper says so.
CREATE FUNCTION paper_search_document(title text, authors text[], abstract text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(array_to_string(authors, ' '), '')), 'B')
        || setweight(to_tsvector('english', coalesce(abstract, '')), 'C')
  $$;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "searchVector" tsvector
  GENERATED ALWAYS AS (paper_search_document("title", "authors", "abstract")) STORED;

-- CreateIndex
CREATE INDEX "Paper_searchVector_idx" ON "Paper" USING GIN ("searchVector");
