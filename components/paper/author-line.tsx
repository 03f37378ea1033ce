/** "A, B, C and 26 more" — the first authors and the count of the rest. */
export function AuthorLine({
  authors,
  shown = 3,
  className = "",
}: {
  authors: string[];
  shown?: number;
  className?: string;
}) {
  const rest = authors.length - shown;
  return (
    <p className={className}>
      {authors.slice(0, shown).join(", ")}
      {rest > 0 ? <span className="text-zinc-500"> and {rest} more</span> : null}
    </p>
  );
}
