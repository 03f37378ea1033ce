import Link from "next/link";
import { Suspense } from "react";
import { HeaderUser } from "@/components/auth/header-user";
import { SearchBox } from "@/components/ui/search-box";
import { ThemeToggle } from "@/components/ui/theme-toggle";

const navLink =
  "rounded-md px-2 py-1 text-sm text-zinc-600 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-zinc-400 dark:hover:text-white";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <a
        href="#main"
        className="sr-only rounded-md bg-amber-400 px-3 py-2 text-zinc-950 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-3 px-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-amber-400 text-xs font-bold text-zinc-950"
          >
            DP
          </span>
          <span className="hidden sm:inline">Daily Papers</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <Link href="/" className={navLink}>
            Daily
          </Link>
          <Link href="/papers/trending" className={navLink}>
            Trending
          </Link>
        </nav>
        <div className="ml-auto flex flex-1 items-center justify-end gap-2">
          <SearchBox />
          <ThemeToggle />
          <Suspense fallback={<span className="size-8" />}>
            <HeaderUser />
          </Suspense>
        </div>
      </div>
    </header>
  );
}
