import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminDayList } from "@/components/admin/day-list";
import { Invitations } from "@/components/admin/invitations";
import { AuditLog, ImportRuns } from "@/components/admin/logs";
import { BlockedMembers, HiddenPapers } from "@/components/admin/moderation-forms";
import { TeamChat } from "@/components/admin/team-chat";
import { getChatWebhooks } from "@/lib/chat/data";
import {
  getAdminDay,
  getAuditLog,
  getBlockedMembers,
  getHiddenPapers,
  getImportRuns,
  getRemovedFromDay,
} from "@/lib/admin/data";
import { requireAdmin } from "@/lib/auth/admin";
import { addDays, formatDay, isPlausibleDay, parseDay, today as todayUtc } from "@/lib/dates/days";
import { loadEnv } from "@/lib/env";
import { getInvites } from "@/lib/invites/data";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

type Props = { searchParams: Promise<{ day?: string | string[] }> };

function Section({
  id,
  title,
  children,
  aside,
}: {
  id: string;
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="scroll-mt-20 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export default async function AdminPage({ searchParams }: Props) {
  const { day: rawDay } = await searchParams;
  await requireAdmin(typeof rawDay === "string" ? `/admin?day=${encodeURIComponent(rawDay)}` : "/admin");
  const today = todayUtc();
  const day = rawDay === undefined ? today : typeof rawDay === "string" ? parseDay(rawDay) : null;
  if (!day || !isPlausibleDay(day)) notFound();

  const [papers, removed, hidden, blocked, runs, audit] = await Promise.all([
    getAdminDay(day),
    getRemovedFromDay(day),
    getHiddenPapers(),
    getBlockedMembers(),
    getImportRuns(50),
    getAuditLog(100),
  ]);

  const dayLink =
    "rounded-md px-2 py-1 text-sm hover:underline focus-visible:outline-2 focus-visible:outline-amber-500";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <nav
          aria-label="Admin sections"
          className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400"
        >
          <a href="#day" className="hover:underline">
            Daily list
          </a>
          <a href="#hidden" className="hover:underline">
            Hidden papers
          </a>
          <a href="#members" className="hover:underline">
            Submitters
          </a>
          <a href="#invitations" className="hover:underline">
            Invitations
          </a>
          <a href="#team-chat" className="hover:underline">
            Team chat
          </a>
          <a href="#imports" className="hover:underline">
            Import runs
          </a>
          <a href="#audit" className="hover:underline">
            Audit log
          </a>
        </nav>
      </header>

      <Section
        id="day"
        title={day === today ? "Today's list" : `List of ${formatDay(day, "long")}`}
        aside={
          <div className="flex flex-wrap items-center gap-1">
            <Link href={`/admin?day=${addDays(day, -1)}`} className={dayLink} aria-label="Previous day">
              ←
            </Link>
            <form action="/admin" method="get" className="flex items-center gap-1">
              <label htmlFor="admin-day" className="sr-only">
                Show the list of
              </label>
              <input
                id="admin-day"
                type="date"
                name="day"
                defaultValue={day}
                max={addDays(today, 1)}
                required
                className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]"
              />
              <button
                type="submit"
                className="rounded-md border border-zinc-200 px-2.5 py-1 text-sm font-medium hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700"
              >
                Show
              </button>
            </form>
            {day < addDays(today, 1) ? (
              <Link href={`/admin?day=${addDays(day, 1)}`} className={dayLink} aria-label="Next day">
                →
              </Link>
            ) : null}
            {day !== today ? (
              <Link href="/admin" className={dayLink}>
                Today
              </Link>
            ) : null}
          </div>
        }
      >
        <AdminDayList day={day} papers={papers} removed={removed} today={today} />
      </Section>

      <Section id="hidden" title="Hidden papers">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          A hidden paper disappears everywhere: lists, search, feeds, the API and its own page.
        </p>
        <HiddenPapers papers={hidden} />
      </Section>

      <Section id="members" title="Submitters">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          A blocked member can still read and vote, but not submit papers.
        </p>
        <BlockedMembers members={blocked} />
      </Section>

      <Section id="invitations" title="Invitations">
        <Invitations invites={await getInvites()} allowedDomains={loadEnv().ALLOWED_EMAIL_DOMAINS} />
      </Section>

      <Section id="team-chat" title="Team chat">
        <TeamChat webhooks={await getChatWebhooks()} />
      </Section>

      <Section id="imports" title="Import runs">
        <ImportRuns runs={runs} />
      </Section>

      <Section id="audit" title="Audit log">
        <AuditLog entries={audit} />
      </Section>
    </div>
  );
}
