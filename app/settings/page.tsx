import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { EmailPreferencesForm } from "@/components/settings/email-preferences-form";
import { signInHref } from "@/lib/auth/pending-intent";
import { getCurrentUser } from "@/lib/auth/session";
import { getDigestFailure } from "@/lib/digest/preview";
import { getEmailPreferences } from "@/lib/settings/data";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

const section = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect(signInHref("/settings"));
  const [preferences, failure] = await Promise.all([getEmailPreferences(user.id), getDigestFailure(user.id)]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>

      <section aria-labelledby="email-heading" className={section}>
        <h2 id="email-heading" className="text-lg font-semibold">
          Email
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Digests go to <strong className="text-zinc-900 dark:text-zinc-100">{user.email ?? "no address"}</strong>{" "}
          {user.emailVerified ? (
            <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800 dark:bg-green-900 dark:text-green-200">
              verified
            </span>
          ) : (
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              not verified
            </span>
          )}
        </p>
        {failure ? (
          <p
            role="alert"
            className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            Your mail server refused the digest of {failure.periodKey}: {failure.lastError ?? "no reason given"}. Check
            the address, or ask your mail administrator to accept mail from us.
          </p>
        ) : null}
        <div className="mt-4">
          <EmailPreferencesForm digest={preferences.digest} minUpvotes={preferences.minUpvotes} />
        </div>
        <p className="mt-4 text-sm">
          <Link href="/settings/digest-preview" className="font-medium underline underline-offset-2">
            Preview today&apos;s digest
          </Link>
        </p>
      </section>

      <section aria-labelledby="list-heading" className={section}>
        <h2 id="list-heading" className="text-lg font-semibold">
          Reading list
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {user.username ? (
            <Link href={`/users/${user.username}`} className="underline underline-offset-2">
              The papers you upvoted
            </Link>
          ) : (
            "The papers you upvote appear on your page."
          )}
        </p>
      </section>

      <section aria-labelledby="delete-heading" className={`${section} border-red-200 dark:border-red-900`}>
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete account
        </h2>
        <div className="mt-3">
          <DeleteAccountForm />
        </div>
      </section>
    </div>
  );
}
