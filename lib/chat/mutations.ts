import "server-only";
import { prisma } from "@/lib/db/client";
import { audited } from "@/lib/admin/mutations";
import { checkWebhookUrl, type Resolve } from "@/lib/chat/address-guard";
import { chatPayload } from "@/lib/chat/payloads";
import { CHAT_FORMAT_LABELS, MAX_CHAT_WEBHOOKS, type AddChatWebhookInput } from "@/lib/chat/schema";
import { postToWebhook, type PostOptions } from "@/lib/chat/send";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Adds a team chat webhook (admins only; audited without its URL). The URL is checked against the SSRF rule
 * (lib/chat/address-guard.ts) before anything is written; a refusal is a sentence naming the address.
 */
export async function addChatWebhook(
  adminId: string,
  input: AddChatWebhookInput,
  options: { resolve?: Resolve } = {},
): Promise<{ id: string; name: string }> {
  const url = await checkWebhookUrl(input.url, { allowPrivate: input.allowPrivate, resolve: options.resolve });
  return audited(adminId, async (tx) => {
    if ((await tx.chatWebhook.count()) >= MAX_CHAT_WEBHOOKS) {
      throw new AppError("CONFLICT", `There are already ${MAX_CHAT_WEBHOOKS} webhooks: delete one first.`);
    }
    const webhook = await tx.chatWebhook.create({
      data: {
        name: input.name,
        format: input.format,
        url: url.href,
        topCount: input.topCount,
        postFeatured: input.postFeatured,
        allowPrivate: input.allowPrivate,
        createdById: adminId,
      },
      select: { id: true, name: true },
    });
    const choices = [
      CHAT_FORMAT_LABELS[input.format],
      `top ${input.topCount}`,
      input.postFeatured ? "featured papers too" : null,
      input.allowPrivate ? "private addresses allowed" : null,
    ].filter(Boolean);
    return {
      result: webhook,
      action: "add-chat-webhook",
      targetId: webhook.id,
      detail: `${input.name} (${choices.join(", ")})`,
    };
  });
}

async function webhookName(tx: { chatWebhook: typeof prisma.chatWebhook }, webhookId: string): Promise<string> {
  const webhook = await tx.chatWebhook.findUnique({ where: { id: webhookId }, select: { name: true } });
  if (!webhook) throw new AppError("NOT_FOUND", "That webhook is gone: someone deleted it.");
  return webhook.name;
}

/**
 * Turns a webhook's posts on or off. Turned on again, it posts featured papers from now on, not those it missed.
 */
export function setChatWebhookEnabled(adminId: string, webhookId: string, enabled: boolean): Promise<{ name: string }> {
  return audited(adminId, async (tx) => {
    const name = await webhookName(tx, webhookId);
    await tx.chatWebhook.update({
      where: { id: webhookId },
      data: enabled ? { enabled, postsFrom: new Date() } : { enabled },
    });
    return {
      result: { name },
      action: enabled ? "enable-chat-webhook" : "disable-chat-webhook",
      targetId: webhookId,
      detail: name,
    };
  });
}

/** Deletes a webhook and its ledger. */
export function deleteChatWebhook(adminId: string, webhookId: string): Promise<{ name: string }> {
  return audited(adminId, async (tx) => {
    const name = await webhookName(tx, webhookId);
    await tx.chatWebhook.delete({ where: { id: webhookId } });
    return { result: { name }, action: "delete-chat-webhook", targetId: webhookId, detail: name };
  });
}

/**
 * Sends a test post to a webhook now (one attempt, outside the ledger) and records the outcome on it as its last
 * success or last error, like a scheduled post. Throws UPSTREAM_FAILED with the sentence when it fails.
 */
export async function sendChatTestPost(
  adminId: string,
  webhookId: string,
  post: Omit<PostOptions, "allowPrivate"> = {},
): Promise<{ name: string }> {
  const webhook = await audited(adminId, async (tx) => {
    const row = await tx.chatWebhook.findUnique({
      where: { id: webhookId },
      select: { name: true, format: true, url: true, allowPrivate: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "That webhook is gone: someone deleted it.");
    return { result: row, action: "test-chat-webhook", targetId: webhookId, detail: row.name };
  });
  const body = chatPayload(webhook.format, { kind: "test", webhookName: webhook.name }, appUrl());
  const result = await postToWebhook(webhook.url, body, { attempts: 1, ...post, allowPrivate: webhook.allowPrivate });
  const now = new Date();
  if (result.outcome === "sent") {
    await prisma.chatWebhook.updateMany({ where: { id: webhookId }, data: { lastSuccessAt: now } });
    return { name: webhook.name };
  }
  await prisma.chatWebhook.updateMany({
    where: { id: webhookId },
    data: { lastError: result.error, lastErrorAt: now },
  });
  throw new AppError("UPSTREAM_FAILED", `The test post to “${webhook.name}” failed. ${result.error}`);
}
