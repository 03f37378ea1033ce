import Link from "next/link";
import { Suspense } from "react";
import { AdminLink } from "@/components/admin/admin-link";
import { MemberOnly } from "@/components/auth/member-only";
import { UserMenu } from "@/components/auth/user-menu";
import { AccountNotice } from "@/components/settings/account-notice";
import { SearchBox, SearchBoxFallback } from "@/components/ui/search-box";
import { ThemeToggle } from "@/components/ui/theme-toggle";

/** The section links; rendered twice (phone row, desktop row) so the tab order always follows the layout. */
function NavLinks() {
  return (
    <>
      <Link href="/" className="nav-link">
        Daily
      </Link>
      <Link href="/papers/trending" className="nav-link">
        Trending
      </Link>
      <Link href="/papers/new" className="nav-link" title="New on arXiv">
        New
      </Link>
      {/* In everyone's markup (the page is cached for all), shown by the <html> mark to members only. */}
      <Link href="/papers/for-you" prefetch={false} className="nav-link viewer-member-only">
        For you
      </Link>
      <Link href="/submit" className="nav-link">
        Submit
      </Link>
      <MemberOnly>
        <Link href="/collections" className="nav-link">
          Collections
        </Link>
      </MemberOnly>
      <AdminLink className="nav-link" />
    </>
  );
}

/**
 * The site header. From `md` up it is one sticky row: logo, sections, search, theme, account. Below that
 * the sections move to a second row (and the header scrolls away instead of sticking), and on phones the
 * account corner is just the avatar (sign-out is in Settings), so a 320 px screen keeps a usable search
 * field and never scrolls sideways.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white/90 backdrop-blur sm:sticky sm:top-0 sm:z-10 dark:border-zinc-800 dark:bg-zinc-950/90">
      <a
        href="#main"
        className="sr-only rounded-md bg-amber-400 px-3 py-2 text-zinc-950 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-20"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 sm:gap-3">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight focus-ring">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-amber-400 text-xs font-bold text-zinc-950"
          >
            DP
          </span>
          <span className="sr-only sm:not-sr-only md:sr-only lg:not-sr-only">Daily Papers</span>
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
          <NavLinks />
        </nav>
        <div className="ml-auto flex min-w-0 flex-1 items-center justify-end gap-1 sm:gap-2">
          <Suspense fallback={<SearchBoxFallback />}>
            <SearchBox />
          </Suspense>
          <ThemeToggle />
          <UserMenu />
        </div>
      </div>
      {/* Below md the sections get their own row; it scrolls sideways on its own if it ever has to. */}
      <nav aria-label="Main" className="mx-auto -mt-2 flex max-w-6xl gap-1 overflow-x-auto px-2 pb-2 md:hidden">
        <NavLinks />
      </nav>
      <Suspense fallback={null}>
        <AccountNotice />
      </Suspense>
    </header>
  );
}
