import type { Page } from "@playwright/test";
import { isoWeekOf } from "../../lib/dates/days";
import { query } from "./db";

/** A page of the site as a reader walks it; `signedIn` pages need a session (signed out they redirect). */
export interface SitePage {
  name: string;
  /** Its address, given the latest day with papers. */
  path: (latestDay: string) => string;
  signedIn?: boolean;
  admin?: boolean;
  /**
   * A public page where a member sees parts a stranger does not, beyond the header every page shares: vote
   * buttons in their state, Save, the comment form, one-click Submit, the signed-in answer. The page walk
   * visits these signed in as well; the rest are the same markup for both (the page cache serves one copy).
   */
  memberParts?: boolean;
}

/** Every kind of page, at addresses the demo data fills (the seed features papers up to today). */
export const SITE_PAGES: readonly SitePage[] = [
  { name: "home", path: () => "/", memberParts: true },
  { name: "day", path: (day) => `/papers/date/${day}` },
  { name: "week", path: (day) => `/papers/week/${isoWeekOf(day)}` },
  { name: "month", path: (day) => `/papers/month/${day.slice(0, 7)}` },
  { name: "trending", path: () => "/papers/trending" },
  { name: "new", path: () => "/papers/new", memberParts: true },
  { name: "paper", path: () => "/papers/2501.12948", memberParts: true },
  { name: "paper-math", path: () => "/papers/2006.16236" },
  { name: "search", path: () => "/papers/search?q=world%20models" },
  { name: "sign-in", path: () => "/signin", memberParts: true },
  { name: "check-email", path: () => "/signin/check-email" },
  { name: "user", path: () => "/users/akhaliq" },
  { name: "author", path: () => "/authors/Daya%20Guo", memberParts: true },
  { name: "collection", path: () => "/collections/demoreasoningrl" },
  { name: "for-you", path: () => "/papers/for-you", memberParts: true },
  { name: "not-found", path: () => "/papers/not-an-id" },
  { name: "submit", path: () => "/submit", signedIn: true },
  { name: "settings", path: () => "/settings", signedIn: true },
  { name: "collections", path: () => "/collections", signedIn: true },
  { name: "digest-preview", path: () => "/settings/digest-preview", signedIn: true },
  { name: "admin", path: () => "/admin", signedIn: true, admin: true },
];

/** The latest day with papers ("YYYY-MM-DD"). */
export async function latestDay(): Promise<string> {
  const [latest] = await query<{ day: string }>(`select to_char(max(day), 'YYYY-MM-DD') as day from "DailyPaper"`);
  return latest!.day;
}

/** What the sign-in form leaves in the tab, so the check-email page is walked as a reader sees it. */
export async function withSignInRequest(page: Page): Promise<void> {
  await page.addInitScript(() => {
    sessionStorage.setItem(
      "daily-papers:sign-in-request",
      JSON.stringify({ email: "reader@example.test", callbackUrl: "/", at: Date.now() }),
    );
  });
}
