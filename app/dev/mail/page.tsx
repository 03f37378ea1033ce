import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { getRecentOutboxMessages } from "@/lib/mail/data";
import { mailDestination } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Outgoing mail (development)", robots: { index: false } };

/**
 * Mail that was not sent because SMTP_URL is unset — sign-in links, digests. Anyone who can read it can sign
 * in as anyone, so it is served only by the rule of lib/mail/dev-mailbox.ts (from this machine to a local
 * site, under `npm run dev`, or with DEV_MAILBOX=true); everyone else gets a 404.
 */
export default async function DevMailboxPage() {
  if ((await mailDestination()) !== "mailbox") notFound();
  const messages = await getRecentOutboxMessages();
  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Outgoing mail</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
        SMTP_URL is not set, so mail is kept here (and printed to the server log) instead of being sent.
      </p>
      {messages.length === 0 ? (
        <EmptyState title="No mail yet">Sign in with an email address and the link will show up here.</EmptyState>
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li
              key={message.id}
              className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                To {message.to} · {message.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
              </p>
              <h2 className="font-semibold">{message.subject}</h2>
              <pre className="mt-2 text-sm break-all whitespace-pre-wrap">
                {message.text.split(/(https?:\/\/\S+)/g).map((part, index) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={index} href={part} className="text-amber-700 underline dark:text-amber-400">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
