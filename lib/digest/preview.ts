import "server-only";
import { prisma } from "@/lib/db/client";
import { DIGEST_CANDIDATES, getDigestPapers, getLastDigestFailure } from "@/lib/digest/data";
import { digestPeriod, type DigestPeriodName } from "@/lib/digest/period";
import { composeMemberDigest, hasPapers, matchPersonalTopics } from "@/lib/digest/personal";
import { appUrl } from "@/lib/env";
import { renderDigest } from "@/lib/mail/templates/digest";
import type { RenderedMail } from "@/lib/mail/templates/rendered-mail";
import { getLatestDay } from "@/lib/papers/data";
import { today } from "@/lib/dates/days";

export interface DigestPreview extends RenderedMail {
  /** Which digest this is: the reader's own choice, or the daily one when they get none yet. */
  period: DigestPeriodName;
  /** "Sunday, November 22, 2026" or "the week of November 16, 2026" */
  label: string;
  /** Whether the reader gets this digest (false: digests are off, this is what "Daily" would send). */
  subscribed: boolean;
}

/**
 * The digest `userId` would get, as they chose it: the weekly one for this week, or the daily one for
 * today (before any papers are featured in the period, the latest day or week that has some), with their
 * own threshold, mutes, followed sections and unsubscribe link. Readers with digests off see the daily one. Null when there are none.
 */
export async function getDigestPreview(userId: string): Promise<DigestPreview | null> {
  const preference = await prisma.emailPreference.findUnique({
    where: { userId },
    select: { digest: true, minUpvotes: true, unsubscribeToken: true },
  });
  const period: DigestPeriodName = preference?.digest === "WEEKLY" ? "weekly" : "daily";
  let spec = digestPeriod(period, today());
  let papers = await getDigestPapers(prisma, spec.range, DIGEST_CANDIDATES);
  if (papers.length === 0) {
    const latest = await getLatestDay();
    if (!latest) return null;
    spec = digestPeriod(period, latest);
    papers = await getDigestPapers(prisma, spec.range, DIGEST_CANDIDATES);
  }
  const matches = await matchPersonalTopics(prisma, [userId], spec.range);
  const digest = composeMemberDigest(papers, { userId, minUpvotes: preference?.minUpvotes ?? 0 }, matches);
  if (!hasPapers(digest)) return null;
  const siteUrl = appUrl();
  const message = renderDigest({
    papers: digest.main,
    sections: digest.sections,
    period,
    periodLabel: spec.label,
    siteUrl,
    settingsUrl: `${siteUrl}/settings`,
    unsubscribeUrl: preference ? `${siteUrl}/api/unsubscribe/${preference.unsubscribeToken}` : `${siteUrl}/settings`,
  });
  return { ...message, period, label: spec.label, subscribed: (preference?.digest ?? "OFF") !== "OFF" };
}

/** The user's latest digest that their mail server refused for good, if any. */
export function getDigestFailure(userId: string) {
  return getLastDigestFailure(prisma, userId);
}
