-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "authorAffiliations" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "hfAuthorParticipating" BOOLEAN,
ADD COLUMN     "hfCommentCount" INTEGER,
ADD COLUMN     "hfHiddenAuthors" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "hfUpvotes" INTEGER,
ADD COLUMN     "mediaUrls" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);
