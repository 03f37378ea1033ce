-- AlterTable
ALTER TABLE "Collection" ADD COLUMN     "descriptionHtml" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "CollectionItem" ADD COLUMN     "noteHtml" TEXT NOT NULL DEFAULT '';
