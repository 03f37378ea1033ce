import Link from "next/link";

/** A neighbouring period with papers: where it is, and how a sentence names it ("Jan 3, 2025", "2025-W02"). */
export interface Neighbour {
  href: string;
  name: string;
}

const link = "font-medium underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white";

/**
 * The sentence an empty day or period ends with: links to the nearest earlier and later ones with papers
 * (`period` "day", `which` "cs.AI papers"), or says plainly that there are none, rather than suggesting a try.
 */
export function NearestWithPapers({
  previous,
  next,
  period,
  which,
}: {
  previous: Neighbour | null;
  next: Neighbour | null;
  period: "day" | "week" | "month";
  which: string;
}) {
  if (previous && next) {
    return (
      <>
        The nearest {period}s with {which} are{" "}
        <Link href={previous.href} rel="prev" className={link}>
          {previous.name}
        </Link>{" "}
        (before) and{" "}
        <Link href={next.href} rel="next" className={link}>
          {next.name}
        </Link>{" "}
        (after).
      </>
    );
  }
  const only = previous ?? next;
  if (only) {
    return (
      <>
        The nearest {period} with {which} is{" "}
        <Link href={only.href} rel={previous ? "prev" : "next"} className={link}>
          {only.name}
        </Link>
        ; there is none {previous ? "after" : "before"} it.
      </>
    );
  }
  return (
    <>
      No other {period} has {which} yet.
    </>
  );
}
