import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";
import { themeScript } from "@/components/ui/theme-toggle";
import { sessionTokenIn } from "@/lib/auth/session-cookie";
import { appUrl } from "@/lib/env";
import "katex/dist/katex.min.css";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(appUrl()),
  title: { default: "Daily Papers", template: "%s · Daily Papers" },
  description: "A daily feed of new research papers, ranked by the community's upvotes.",
  alternates: {
    types: {
      "application/rss+xml": [
        { url: "/feeds/daily.xml", title: "Daily Papers (RSS)" },
        { url: "/feeds/trending.xml", title: "Daily Papers — Trending (RSS)" },
      ],
      "application/atom+xml": [
        { url: "/feeds/daily.atom", title: "Daily Papers (Atom)" },
        { url: "/feeds/trending.atom", title: "Daily Papers — Trending (Atom)" },
      ],
    },
  },
  openGraph: { siteName: "Daily Papers", type: "website" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request CSP nonce (see proxy.ts) lets the theme script run before the first paint.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Whether a session cookie came (not whether it is valid: that costs a query, and the page is the same
  // for everyone). The page cache marks its stored copy the same way (lib/page-cache/viewer-mark.ts); the
  // browser asks for the reader's own part (lib/client/viewer-store.ts).
  const jar = await cookies();
  const viewer = sessionTokenIn((name) => jar.get(name)?.value) ? "member" : "guest";
  return (
    <html lang="en" data-viewer={viewer} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto w-full max-w-6xl px-4 py-10 text-xs text-zinc-500 dark:text-zinc-400">
          Daily Papers ·{" "}
          <a href="/feeds/daily.xml" className="hover:underline">
            RSS
          </a>{" "}
          ·{" "}
          <a href="/feeds/daily.atom" className="hover:underline">
            Atom
          </a>{" "}
          ·{" "}
          <a href="/api/daily_papers" className="hover:underline">
            JSON API
          </a>{" "}
          <span className="hidden sm:inline">
            · Press <kbd>j</kbd>/<kbd>k</kbd> to move between papers
          </span>
        </footer>
      </body>
    </html>
  );
}
