import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { SignInReason, type AddressReason } from "@/components/auth/sign-in-reason";
import { signInWithGitHub, signInWithOidc } from "@/lib/auth/actions";
import { githubEnabled, singleSignOnName } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { membersOnly } from "@/lib/site-access/gate";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const providerButton =
  "w-full rounded-md border border-zinc-300 px-4 py-2 font-medium hover:border-zinc-500 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? signInErrorMessage(params.error) : null;
  const singleSignOn = singleSignOnName();

  return (
    <section className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Daily Papers</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {membersOnly()
          ? "This site is for its members: sign in to read its papers. No password: we email you a link."
          : "Upvote papers and get the trending ones in your inbox. No password: we email you a link."}
      </p>
      <SignInReason reason={addressReason(callbackUrl)} />
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <div className="mt-6">
        <EmailSignInForm callbackUrl={callbackUrl} />
      </div>
      {singleSignOn ? (
        <form action={signInWithOidc} className="mt-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={providerButton}>
            Sign in with {singleSignOn}
          </button>
        </form>
      ) : null}
      {githubEnabled() ? (
        <form action={signInWithGitHub} className="mt-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={providerButton}>
            Continue with GitHub
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** What the return address (a safe path) says the reader came to do, if anything. */
function addressReason(callbackUrl: string): AddressReason | null {
  if (callbackUrl.endsWith("#discussion")) return "comment";
  const { pathname } = new URL(callbackUrl, "http://localhost");
  if (pathname === "/submit") return "submit";
  if (pathname === "/settings") return "settings";
  return null;
}
