import "server-only";
import { prisma } from "@/lib/db";
import { getDigestPapers, getLastDigestFailure } from "@/lib/digest/data";
import { digestPeriod } from "@/lib/digest/period";
import { renderDigest, type DigestMessage } from "@/lib/digest/render";
import { appUrl } from "@/lib/env";
import { getLatestDay } from "@/lib/papers/data";
import { today } from "@/lib/papers/dates";

/**
 * The daily digest `userId` would get for today's papers (or, before any are featured today, for the
 * latest day that has some), with their own threshold and unsubscribe link. Null when there are none.
 */
export async function getDigestPreview(userId: string): Promise<(DigestMessage & { label: string }) | null> {
  const preference = await prisma.emailPreference.findUnique({
    where: { userId },
    select: { minUpvotes: true, unsubscribeToken: true },
  });
  let spec = digestPeriod("daily", today());
  let papers = await getDigestPapers(prisma, spec.range);
  if (papers.length === 0) {
    const latest = await getLatestDay();
    if (!latest) return null;
    spec = digestPeriod("daily", latest);
    papers = await getDigestPapers(prisma, spec.range);
  }
  const personal = papers.filter((p) => p.upvoteCount >= (preference?.minUpvotes ?? 0));
  if (personal.length === 0) return null;
  const siteUrl = appUrl();
  const message = renderDigest({
    papers: personal,
    period: "daily",
    periodLabel: spec.label,
    siteUrl,
    settingsUrl: `${siteUrl}/settings`,
    unsubscribeUrl: preference ? `${siteUrl}/api/unsubscribe/${preference.unsubscribeToken}` : `${siteUrl}/settings`,
  });
  return { ...message, label: spec.label };
}

/** The user's latest digest that their mail server refused for good, if any. */
export function getDigestFailure(userId: string) {
  return getLastDigestFailure(prisma, userId);
}
