import type { Metadata } from "next";
import Link from "next/link";
import { PaperGrid } from "@/components/feed/paper-grid";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentUser } from "@/lib/auth/session";
import { signInHref } from "@/lib/auth/sign-in-href";
import { getForYou } from "@/lib/recommend/data";
import { CANDIDATE_DAYS } from "@/lib/recommend/candidates";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";

export const metadata: Metadata = { title: "For you", robots: { index: false } };

const PATH = "/papers/for-you";

function Heading({ children }: { children?: React.ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">For you</h1>
      {children ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</p> : null}
    </header>
  );
}

/** How a member gives For you something to go on: said to strangers and to members with no signal alike. */
function HowItWorks() {
  return (
    <>
      Upvote papers you like, save them to a collection, or follow authors, categories and keywords: For you then picks
      papers of the last {CANDIDATE_DAYS} days like them, and says why.
    </>
  );
}

/**
 * A member's own list (lib/recommend/): recent papers ranked from what they upvoted, saved and follow, each
 * with its reason. Never cached: it is theirs. A stranger is asked to sign in; a member with nothing to go on
 * is told how to start.
 */
export default async function ForYouPage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <section>
        <Heading />
        <EmptyState title="Sign in to get papers picked for you">
          <p>
            <HowItWorks />
          </p>
          <p className="mt-4">
            <ButtonLink href={signInHref(PATH)}>Sign in</ButtonLink>
          </p>
        </EmptyState>
      </section>
    );
  }

  const forYou = await getForYou(user.id);
  if (!forYou.hasSignal) {
    return (
      <section>
        <Heading />
        <EmptyState title="Nothing to go on yet">
          <p>
            <HowItWorks />
          </p>
          <p className="mt-4">
            <Link href="/" className="text-link">
              Browse today&apos;s papers
            </Link>{" "}
            ·{" "}
            <Link href="/papers/trending" className="text-link">
              Trending
            </Link>{" "}
            ·{" "}
            <Link href="/collections" className="text-link">
              Import your library (BibTeX, RIS, Zotero)
            </Link>{" "}
            ·{" "}
            <Link href="/settings" className="text-link">
              Follow keywords and categories
            </Link>
          </p>
        </EmptyState>
      </section>
    );
  }

  const papers = forYou.items.map((item) => item.paper);
  return (
    <section>
      <Heading>
        Papers of the last {CANDIDATE_DAYS} days picked from what you upvoted, saved and follow, each saying why.
      </Heading>
      {papers.length ? (
        <PaperGrid
          papers={papers}
          counts={getCurrentCounts(papers.map((paper) => paper.id))}
          reasons={new Map(forYou.items.map((item) => [item.paper.id, item.reason]))}
        />
      ) : (
        <EmptyState title="Nothing new like what you read">
          No paper of the last {CANDIDATE_DAYS} days is close to what you upvoted, saved or follow. Upvote or follow
          more to widen it.
        </EmptyState>
      )}
    </section>
  );
}
