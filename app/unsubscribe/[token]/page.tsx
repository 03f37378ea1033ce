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
  return <UnsubscribeForm token={token.data} maskedEmail={target.maskedEmail} digest={target.digest} />;
}
