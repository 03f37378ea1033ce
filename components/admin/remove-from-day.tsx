"use client";

import { useState } from "react";
import { ActionForm } from "@/components/admin/action-form";
import { AdminButton } from "@/components/admin/admin-ui";
import { removeFromDayAction } from "@/lib/admin/actions";

/**
 * "Remove" on the admin's day list, in two steps: the first press asks, the second removes. A removed paper
 * is listed under the day with an Undo (see AdminDayList), as a slip of the mouse should cost nothing.
 */
export function RemoveFromDayForm({ paperId, day }: { paperId: string; day: string }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <ActionForm action={removeFromDayAction} label={`Remove ${paperId} from ${day}`} className="flex flex-wrap gap-2">
      <input type="hidden" name="paperId" value={paperId} />
      {confirming ? (
        <>
          <span className="self-center text-sm">Take it off the list of {day}?</span>
          <AdminButton danger label={`Yes, remove ${paperId} from the list`}>
            Yes, remove
          </AdminButton>
          <AdminButton onClick={() => setConfirming(false)}>Cancel</AdminButton>
        </>
      ) : (
        <AdminButton danger label={`Remove ${paperId} from the list`} onClick={() => setConfirming(true)}>
          Remove
        </AdminButton>
      )}
    </ActionForm>
  );
}
