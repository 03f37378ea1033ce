"use server";

import { refresh } from "next/cache";
import { papersChanged } from "@/lib/page-cache/invalidate";
import { authAction } from "@/lib/actions/safe-action";
import { moveToDay, removeFromDay, restoreToDay, setPaperHidden, setSubmitBlocked } from "@/lib/admin/mutations";
import {
  moveToDaySchema,
  removeFromDaySchema,
  restoreToDaySchema,
  setPaperHiddenSchema,
  setSubmitBlockedSchema,
} from "@/lib/admin/schema";

/** After a change to paper `paperId`: its cached views, the feeds, and the admin page itself. */
function invalidatePaper(paperId: string): void {
  papersChanged([paperId]);
  refresh();
}

/** Takes a paper off its day's list (admins only; audited). */
export const removeFromDayAction = authAction(
  { schema: removeFromDaySchema, adminOnly: true },
  async ({ user, input }) => {
    const { day } = await removeFromDay(user.id, input.paperId);
    invalidatePaper(input.paperId);
    return { message: `Removed ${input.paperId} from the list of ${day}.` };
  },
);

/** Puts a removed paper back where it was, with its submitter (admins only; audited): Remove's undo. */
export const restoreToDayAction = authAction(
  { schema: restoreToDaySchema, adminOnly: true },
  async ({ user, input }) => {
    const { day } = await restoreToDay(user.id, input.paperId);
    invalidatePaper(input.paperId);
    return { message: `Put ${input.paperId} back on the list of ${day}.` };
  },
);

/** Moves a paper to another day's list (admins only; audited). */
export const moveToDayAction = authAction({ schema: moveToDaySchema, adminOnly: true }, async ({ user, input }) => {
  const { from, to } = await moveToDay(user.id, input.paperId, input.day);
  invalidatePaper(input.paperId);
  return { message: `Moved ${input.paperId} from ${from} to ${to}.` };
});

/** Hides a paper everywhere, or shows it again (admins only; audited). */
export const setPaperHiddenAction = authAction(
  { schema: setPaperHiddenSchema, adminOnly: true },
  async ({ user, input }) => {
    const hidden = input.intent === "hide";
    await setPaperHidden(user.id, input.paperId, hidden);
    invalidatePaper(input.paperId);
    return { message: `${input.paperId} is ${hidden ? "hidden everywhere" : "visible again"}.` };
  },
);

/** Blocks a member from submitting, or lets them again (admins only; audited). */
export const setSubmitBlockedAction = authAction(
  { schema: setSubmitBlockedSchema, adminOnly: true },
  async ({ user, input }) => {
    const blocked = input.intent === "block";
    const { label } = await setSubmitBlocked(user.id, input.member, blocked);
    refresh();
    return { message: `${label} ${blocked ? "can no longer submit papers" : "may submit papers again"}.` };
  },
);
