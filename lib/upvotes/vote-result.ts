import type { ActionResult } from "@/lib/action-result";

/** What `POST /api/upvotes` answers (lib/upvotes/vote-request.ts); shared with the upvote button. */
export type VoteResult = ActionResult<{ upvoted: boolean; count: number }>;
