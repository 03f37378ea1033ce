import { userPath } from "@/lib/urls";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccessTokensSection } from "@/components/settings/access-tokens";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { EmailPreferencesForm } from "@/components/settings/email-preferences-form";
import { FollowingSettings } from "@/components/settings/following-settings";
import { PrivateFeeds } from "@/components/settings/private-feeds";
import { ProfileForm } from "@/components/settings/profile-form";
import { signOutAction } from "@/lib/auth/actions";
import { signInHref } from "@/lib/auth/sign-in-href";
import { getCurrentUser } from "@/lib/auth/session";
import { getDigestFailure } from "@/lib/digest/preview";
import { getMemberTopics } from "@/lib/follows/data";
import { getEmailPreferences } from "@/lib/settings/data";
import { announcementCategories } from "@/lib/submissions/data";
import { getProfileSettings } from "@/lib/users/data";
import { getPrivateFeeds } from "@/lib/site-access/data";
import { membersOnly } from "@/lib/site-access/gate";
import { appUrl } from "@/lib/env";
import { getAccessTokens } from "@/lib/tokens/data";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

const section = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect(signInHref("/settings"));
  const [preferences, failure, profile, topics, privateFeeds, tokens] = await Promise.all([
    getEmailPreferences(user.id),
    getDigestFailure(user.id),
    getProfileSettings(user.id),
    getMemberTopics(user.id),
    membersOnly() ? getPrivateFeeds(user.id) : null,
    getAccessTokens(user.id),
  ]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        {/* The header has no room for it on phones; here it is on every screen. */}
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:border-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:hover:border-zinc-500"
          >
            Sign out
          </button>
        </form>
      </div>

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
            {preferences.digest === "WEEKLY" ? "Preview this week's digest" : "Preview today's digest"}
          </Link>
        </p>
      </section>

      <section aria-labelledby="following-heading" className={section}>
        <h2 id="following-heading" className="scroll-mt-20 text-lg font-semibold">
          Following
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          What you follow gets its own section in your digest. What you mute leaves your lists and your digest.
        </p>
        <div className="mt-4">
          <FollowingSettings follows={topics.follows} mutes={topics.mutes} categories={announcementCategories()} />
        </div>
      </section>

      {privateFeeds ? (
        <section id="feeds" aria-labelledby="feeds-heading" className={`${section} scroll-mt-20`}>
          <h2 id="feeds-heading" className="scroll-mt-20 text-lg font-semibold">
            Your feed addresses
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            This site is for its members, so a feed reader reaches its feeds through an address of your own. Keep these
            private: anyone who has one reads the site&apos;s papers. Add <code>&amp;category=cs.CL</code> to one for a
            single arXiv category.
          </p>
          <div className="mt-4">
            <PrivateFeeds feeds={privateFeeds} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="profile-heading" className={section}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Your name and handle are public; your email address never is.{" "}
          {profile.username ? (
            <Link href={userPath(profile.username)} className="underline underline-offset-2">
              The papers you upvoted
            </Link>
          ) : (
            "The papers you upvote appear on your page."
          )}
        </p>
        <div className="mt-4">
          <ProfileForm
            name={profile.name ?? ""}
            username={profile.username ?? ""}
            profilePrivate={profile.profilePrivate}
          />
        </div>
      </section>

      <AccessTokensSection tokens={tokens} mcpUrl={`${appUrl()}/mcp`} />

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
