import Link from "next/link";
import { authorPath } from "@/lib/urls";
import { AUTHORS_SHOWN, splitAuthors } from "@/lib/text/author-list";

/**
 * "A, B, C and 26 more" — the first authors and the count of the rest (pass `shown={authors.length}` for all
 * of them). Each name links to the author's page (their papers here).
 */
export function AuthorLine({
  authors,
  shown = AUTHORS_SHOWN,
  className,
}: {
  authors: string[];
  shown?: number;
  className?: string;
}) {
  const { shown: names, rest } = splitAuthors(authors, shown);
  return <AuthorNames names={names} rest={rest} className={className} />;
}

/** AuthorLine's line from its parts: the names shown and how many are left out. The `authors` class styles the links. */
export function AuthorNames({ names, rest, className = "" }: { names: string[]; rest: number; className?: string }) {
  return (
    <p className={`authors ${className}`}>
      {/* A flat list (names and the commas between them): no wrapper element per author. */}
      {names.flatMap((author, index) => [
        index > 0 ? ", " : null,
        // Not prefetched: a list shows dozens of names, and few are followed.
        <Link key={index} href={authorPath(author)} prefetch={false}>
          {author}
        </Link>,
      ])}
      {rest > 0 ? <span className="text-muted">{` and ${rest} more`}</span> : null}
    </p>
  );
}
