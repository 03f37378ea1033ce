"use server";

import { refresh } from "next/cache";
import { authAction } from "@/lib/actions/safe-action";
import { addChatWebhook, deleteChatWebhook, sendChatTestPost, setChatWebhookEnabled } from "@/lib/chat/mutations";
import { addChatWebhookSchema, chatWebhookIdSchema, setChatWebhookEnabledSchema } from "@/lib/chat/schema";
import { rateLimit } from "@/lib/rate-limits";

/** Adds a team chat webhook (admins only; the URL is checked against the SSRF rule; audited without it). */
export const addChatWebhookAction = authAction(
  { schema: addChatWebhookSchema, adminOnly: true, rateLimit: () => rateLimit("chat-webhook") },
  async ({ user, input }) => {
    const { name } = await addChatWebhook(user.id, input);
    refresh();
    return { message: `Added “${name}”: it gets the day's top papers from tomorrow.` };
  },
);

/** Turns a webhook's posts on or off (admins only; audited). */
export const setChatWebhookEnabledAction = authAction(
  { schema: setChatWebhookEnabledSchema, adminOnly: true, rateLimit: () => rateLimit("chat-webhook") },
  async ({ user, input }) => {
    const enabled = input.intent === "enable";
    const { name } = await setChatWebhookEnabled(user.id, input.webhookId, enabled);
    refresh();
    return { message: `“${name}” is ${enabled ? "on" : "off"}.` };
  },
);

/** Deletes a webhook (admins only; audited). */
export const deleteChatWebhookAction = authAction(
  { schema: chatWebhookIdSchema, adminOnly: true, rateLimit: () => rateLimit("chat-webhook") },
  async ({ user, input }) => {
    const { name } = await deleteChatWebhook(user.id, input.webhookId);
    refresh();
    return { message: `Deleted “${name}”.` };
  },
);

/** Sends a test post now (admins only; audited); its outcome shows as the webhook's last success or error. */
export const sendChatTestPostAction = authAction(
  { schema: chatWebhookIdSchema, adminOnly: true, rateLimit: () => rateLimit("chat-test") },
  async ({ user, input }) => {
    try {
      const { name } = await sendChatTestPost(user.id, input.webhookId);
      return { message: `Sent a test post to “${name}”.` };
    } finally {
      refresh();
    }
  },
);
