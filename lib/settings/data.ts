import "server-only";
import { prisma } from "@/lib/db/client";
import type { DigestChoice } from "@/lib/settings/schema";

export interface EmailPreferences {
  digest: DigestChoice;
  minUpvotes: number;
}

/** A user's digest choice (off until they choose). */
export async function getEmailPreferences(userId: string): Promise<EmailPreferences> {
  const row = await prisma.emailPreference.findUnique({
    where: { userId },
    select: { digest: true, minUpvotes: true },
  });
  return row ?? { digest: "OFF", minUpvotes: 0 };
}

/** Whose unsubscribe token `token` is, for the confirm page (the address is partly masked). */
export async function findUnsubscribeTarget(
  token: string,
): Promise<{ maskedEmail: string; digest: DigestChoice } | null> {
  const row = await prisma.emailPreference.findUnique({
    where: { unsubscribeToken: token },
    select: { digest: true, user: { select: { email: true } } },
  });
  if (!row) return null;
  const email = row.user.email ?? "";
  const [local = "", domain = ""] = email.split("@");
  return {
    maskedEmail: `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`,
    digest: row.digest,
  };
}
