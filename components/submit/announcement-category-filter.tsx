import Link from "next/link";

const chip =
  "rounded-full border px-3 py-1 text-sm whitespace-nowrap focus-ring border-zinc-200 text-zinc-700 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-500 aria-[current=page]:border-zinc-900 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:aria-[current=page]:border-zinc-100 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900";

/**
 * The category chips of "New on arXiv": "All" and one chip per category arXiv announcements are imported for,
 * as plain links without counts (a listing's chips, with counts, are components/feed/category-filter.tsx).
 * `hrefFor(null)` is the unfiltered view.
 */
export function AnnouncementCategoryFilter({
  categories,
  active,
  hrefFor,
}: {
  categories: string[];
  active: string | null;
  hrefFor: (category: string | null) => string;
}) {
  // A category given in the address but not configured still shows, so the reader sees what filters.
  const shown = active && !categories.includes(active) ? [...categories, active] : categories;
  return (
    <nav aria-label="Categories" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-2 pb-1">
        <li>
          <Link href={hrefFor(null)} aria-current={active === null ? "page" : undefined} className={chip}>
            All
          </Link>
        </li>
        {shown.map((category) => (
          <li key={category}>
            <Link href={hrefFor(category)} aria-current={active === category ? "page" : undefined} className={chip}>
              {category}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
