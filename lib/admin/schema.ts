import { z } from "zod";
import { isPlausibleDay, parseDay } from "@/lib/dates/days";
import { MAX_REFERENCE_LENGTH, parseArxivReference } from "@/lib/submissions/schema";

/** The AdminAction.action values this app writes. */
export type AdminActionKind =
  | "remove-from-day"
  | "restore-to-day"
  | "move-to-day"
  | "hide-paper"
  | "unhide-paper"
  | "block-submitter"
  | "unblock-submitter"
  | "delete-comment"
  | "invite"
  | "revoke-invite"
  | "add-chat-webhook"
  | "enable-chat-webhook"
  | "disable-chat-webhook"
  | "delete-chat-webhook"
  | "test-chat-webhook";

/** A paper named by its arXiv id or link, as the bare id. */
const paperIdField = z
  .string({ error: "Enter a paper's arXiv id." })
  .trim()
  .min(1, "Enter a paper's arXiv id.")
  .max(MAX_REFERENCE_LENGTH, "That is too long for an arXiv id.")
  .transform((value, context) => {
    const id = parseArxivReference(value);
    if (!id) {
      context.addIssue({ code: "custom", message: `“${value.slice(0, 60)}” is not an arXiv id.` });
      return z.NEVER;
    }
    return id;
  });

/** A day a daily list can exist on ("YYYY-MM-DD", from arXiv's start to tomorrow). */
export const adminDayField = z
  .string({ error: "Pick a day." })
  .trim()
  .refine((value) => parseDay(value) !== null, "Pick a real date (YYYY-MM-DD).")
  .refine((value) => isPlausibleDay(value), "Pick a day between 1991-08-01 and tomorrow.");

export const removeFromDaySchema = z.object({ paperId: paperIdField });

/** Undo of a removal: the paper goes back where the removal's audit row says it was. */
export const restoreToDaySchema = z.object({ paperId: paperIdField });

/** The placement a removal took away (AdminAction.undo of "remove-from-day"). */
export const removedPlacement = z.object({
  day: z.iso.date(),
  submittedAt: z.iso.datetime(),
  submittedById: z.string().nullable(),
});

export type RemovedPlacement = z.infer<typeof removedPlacement>;

export const moveToDaySchema = z.object({ paperId: paperIdField, day: adminDayField });

export const setPaperHiddenSchema = z.object({
  paperId: paperIdField,
  intent: z.enum(["hide", "unhide"], { error: "Choose hide or unhide." }),
});

export const setSubmitBlockedSchema = z.object({
  /** A username (with or without "@") or an email address. */
  member: z
    .string({ error: "Enter a username or an email address." })
    .trim()
    .min(1, "Enter a username or an email address.")
    .max(320, "That is too long for a username or an email address.")
    .transform((value) => value.replace(/^@/, "")),
  intent: z.enum(["block", "unblock"], { error: "Choose block or unblock." }),
});

/** A paper an admin took off a day's list, which may be put back. */
export interface AdminRemovedPaper {
  id: string;
  title: string;
  removedAt: Date;
}

/** A row of the day's list as the admin page shows it (hidden papers included, marked). */
export interface AdminDayPaper {
  id: string;
  title: string;
  upvoteCount: number;
  submittedAt: Date;
  submitter: string | null;
  hidden: boolean;
}

export interface AdminAuditEntry {
  id: string;
  admin: string | null;
  action: string;
  targetId: string;
  detail: string | null;
  createdAt: Date;
}

export interface AdminImportRun {
  id: string;
  source: string;
  target: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  message: string | null;
  errors: { id: string; reason: string }[];
}
