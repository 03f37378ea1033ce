import Link from "next/link";

/** A category chip: the category and the listing filtered by it. */
export interface CategoryChip {
  category: string;
  href: string;
}

/**
 * Category chips, primary first: the `chips` class (app/globals.css) highlights the first. `more` are the
 * categories left out, counted as "+N". CategoryChips builds the hrefs; this part needs no server code.
 */
export function CategoryChipList({
  chips,
  more = [],
  className = "",
}: {
  chips: CategoryChip[];
  more?: string[];
  className?: string;
}) {
  if (!chips.length) return null;
  const rest = more.join(", ");
  return (
    <ul aria-label="arXiv categories" className={`chips ${className}`}>
      {chips.map(({ category, href }, index) => (
        <li key={category}>
          <Link
            href={href}
            aria-label={`${index === 0 ? "Primary category " : ""}${category}: show only ${category} papers`}
          >
            {category}
          </Link>
        </li>
      ))}
      {more.length ? (
        <li className="text-[11px] text-muted" title={rest}>
          {`+${more.length}`}
          <span className="sr-only">{` more: ${rest}`}</span>
        </li>
      ) : null}
    </ul>
  );
}
