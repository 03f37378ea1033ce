import type { ActionResult } from "@/lib/actions/result";

/** What `POST /api/upvotes` answers (lib/upvotes/vote-endpoint.ts); shared with the upvote button. */
export type VoteResult = ActionResult<{ upvoted: boolean; count: number }>;
