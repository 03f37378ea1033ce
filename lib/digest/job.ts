import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runDigest, type DigestRunSummary } from "@/lib/digest/deliver";
import type { DigestPeriodSpec } from "@/lib/digest/period";
import { appUrl, type Env } from "@/lib/env";
import { createMailTransport } from "@/lib/mail/create-transport";

/**
 * One digest run as the worker and `npm run digest` do it: the configured transport (SMTP_URL, or the
 * development mailbox), the public URL for links, EMAIL_FROM as sender.
 */
export async function sendDigest(options: {
  prisma: PrismaClient;
  env: Env;
  spec: DigestPeriodSpec;
  dryRun?: boolean;
  log?: (line: string) => void;
}): Promise<DigestRunSummary> {
  const transport = createMailTransport(options.env.SMTP_URL, options.prisma);
  try {
    return await runDigest({
      prisma: options.prisma,
      transport,
      spec: options.spec,
      siteUrl: appUrl(options.env),
      from: options.env.EMAIL_FROM,
      dryRun: options.dryRun,
      log: options.log,
    });
  } finally {
    transport.close();
  }
}

/** The one line a run prints: "Digest daily 2026-11-22: 10 papers, 120 subscribers — sent 118, …". */
export function formatSummary(summary: DigestRunSummary): string {
  const verb = summary.dryRun ? "would send" : "sent";
  const elsewhere = summary.sendingElsewhere > 0 ? `, left to another run ${summary.sendingElsewhere}` : "";
  return `Digest ${summary.period}: ${summary.papers} papers, ${summary.subscribers} subscribers — ${verb} ${summary.sent}, skipped ${summary.skipped}, failed ${summary.failed}, deferred ${summary.deferred}${elsewhere}.`;
}
