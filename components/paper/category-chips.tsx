import { CategoryChipList, type CategoryChip } from "@/components/paper/category-chip-list";
import { cardCategories, withCategory } from "@/lib/papers/categories";

/** `categories` as chips linking to `viewPath` filtered by each (with the ones left out beyond `limit`). */
export function categoryChips(
  categories: string[],
  viewPath: string,
  limit?: number,
): { chips: CategoryChip[]; more: string[] } {
  const { shown } = limit === undefined ? { shown: categories } : cardCategories(categories, limit);
  return {
    chips: shown.map((category) => ({ category, href: withCategory(viewPath, category) })),
    more: categories.slice(shown.length),
  };
}

/**
 * A paper's arXiv categories as chips, primary first (highlighted); each links to `viewPath` filtered by it.
 * On cards (`limit` 3) the rest are counted as "+N"; paper pages show them all.
 */
export function CategoryChips({
  categories,
  viewPath,
  limit,
  className,
}: {
  categories: string[];
  /** The listing the chips filter: the view the card is in, or the paper's day on its page. */
  viewPath: string;
  limit?: number;
  className?: string;
}) {
  return <CategoryChipList {...categoryChips(categories, viewPath, limit)} className={className} />;
}
