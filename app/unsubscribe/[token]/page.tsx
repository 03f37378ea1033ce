import type { Metadata } from "next";
import { UnsubscribeForm } from "@/components/settings/unsubscribe-form";
import { EmptyState } from "@/components/ui/empty-state";
import { findUnsubscribeTarget } from "@/lib/settings/data";
import { unsubscribeTokenSchema } from "@/lib/settings/schema";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** Where a digest's unsubscribe link lands: a confirm button, no sign-in needed. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const token = unsubscribeTokenSchema.safeParse((await params).token);
  const target = token.success ? await findUnsubscribeTarget(token.data) : null;
  if (!token.success || !target) {
    return (
      <EmptyState title="This unsubscribe link is not valid">
        It may be incomplete. You can always change your digest in your settings after signing in.
      </EmptyState>
    );
  }
  return (
    <section className="mx-auto max-w-md py-8 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Unsubscribe from Daily Papers digests?</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        {target.digest === "OFF"
          ? `${target.maskedEmail} gets no digests already.`
          : `${target.maskedEmail} will stop getting the ${target.digest.toLowerCase()} digest.`}
      </p>
      <UnsubscribeForm token={token.data} />
    </section>
  );
}
