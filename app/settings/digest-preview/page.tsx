import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { signInHref } from "@/lib/auth/sign-in-href";
import { getCurrentUser } from "@/lib/auth/session";
import { getDigestPreview } from "@/lib/digest/preview";

export const metadata: Metadata = { title: "Digest preview", robots: { index: false } };

export default async function DigestPreviewPage() {
  const user = await getCurrentUser();
  if (!user) redirect(signInHref("/settings/digest-preview"));
  const preview = await getDigestPreview(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/settings" className="text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
        ← Settings
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Digest preview</h1>
      {preview ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {preview.subscribed
              ? `Your ${preview.period} digest for ${preview.label}, as it would reach ${user.email ?? "you"}.`
              : `Digests are off for you. This is the daily digest for ${preview.label}, as it would reach ${user.email ?? "you"} if you chose Daily.`}
          </p>
          <p className="text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">Subject:</span> <strong>{preview.subject}</strong>
          </p>
          <iframe
            title="Digest email (HTML)"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={preview.html}
            className="h-[720px] w-full rounded-xl border border-zinc-200 bg-white dark:border-zinc-800"
          />
          <details className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <summary className="cursor-pointer text-sm font-medium">Plain-text part</summary>
            <pre className="mt-3 text-sm break-words whitespace-pre-wrap">{preview.text}</pre>
          </details>
        </>
      ) : (
        <EmptyState title="Nothing to preview yet">
          No featured papers pass your upvote threshold in this period.
        </EmptyState>
      )}
    </div>
  );
}
