import "server-only";
import { prisma } from "@/lib/db/client";
import { maskWebhookUrl } from "@/lib/chat/mask";
import type { ChatWebhookRow } from "@/lib/chat/schema";

/** The team chat webhooks for /admin, oldest first, each with its URL masked: the page never gets a URL. */
export async function getChatWebhooks(): Promise<ChatWebhookRow[]> {
  const rows = await prisma.chatWebhook.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      format: true,
      url: true,
      topCount: true,
      postFeatured: true,
      allowPrivate: true,
      enabled: true,
      lastSuccessAt: true,
      lastError: true,
      lastErrorAt: true,
    },
  });
  return rows.map(({ url, ...row }) => ({ ...row, maskedUrl: maskWebhookUrl(url) }));
}
