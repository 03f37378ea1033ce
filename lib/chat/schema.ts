import { z } from "zod";

/** The chats a webhook can post to, as stored (ChatWebhook.format) and as the form names them. */
export const CHAT_FORMATS = ["SLACK", "DISCORD", "MATTERMOST", "JSON"] as const;
export type ChatFormatName = (typeof CHAT_FORMATS)[number];

export const CHAT_FORMAT_LABELS: Record<ChatFormatName, string> = {
  SLACK: "Slack",
  DISCORD: "Discord",
  MATTERMOST: "Mattermost",
  JSON: "Plain JSON",
};

/** How many top papers a daily post may list. */
export const MAX_TOP_COUNT = 20;
/** Webhooks one site may have: each is posted to every day. */
export const MAX_CHAT_WEBHOOKS = 50;

/** An unchecked HTML checkbox sends nothing; a checked one "on". */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

export const addChatWebhookSchema = z.object({
  name: z
    .string({ error: "Give the webhook a name." })
    .trim()
    .min(1, "Give the webhook a name.")
    .max(80, "Keep the name under 80 characters."),
  format: z.enum(CHAT_FORMATS, { error: "Choose Slack, Discord, Mattermost or plain JSON." }),
  url: z
    .string({ error: "Paste the webhook URL." })
    .trim()
    .min(1, "Paste the webhook URL.")
    .max(2000, "That webhook URL is too long."),
  topCount: z.coerce
    .number({ error: "Choose how many top papers to post." })
    .int("Choose a whole number of papers.")
    .min(1, "Post at least one paper a day.")
    .max(MAX_TOP_COUNT, `Post at most ${MAX_TOP_COUNT} papers a day.`),
  postFeatured: checkbox,
  allowPrivate: checkbox,
});
export type AddChatWebhookInput = z.infer<typeof addChatWebhookSchema>;

const webhookId = z.string({ error: "Choose a webhook." }).trim().min(1, "Choose a webhook.").max(64);

export const setChatWebhookEnabledSchema = z.object({
  webhookId,
  intent: z.enum(["enable", "disable"], { error: "Choose enable or disable." }),
});

export const chatWebhookIdSchema = z.object({ webhookId });

/** A webhook as the admin page lists it: never its URL, only `maskedUrl`. */
export interface ChatWebhookRow {
  id: string;
  name: string;
  format: ChatFormatName;
  maskedUrl: string;
  topCount: number;
  postFeatured: boolean;
  allowPrivate: boolean;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}
