"use server";

import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { createAccessToken, revokeAccessToken } from "@/lib/tokens/mutations";
import { createTokenSchema, revokeTokenSchema, type TokenSummary } from "@/lib/tokens/schema";

const options = {
  rateLimit: () => rateLimit("access-token"),
  rateLimitedMessage: (seconds: number) => `That is a lot of tokens in a short time. ${tryAgainIn(seconds)}`,
  signedOutMessage: "Sign in to manage your tokens.",
};

const create = authAction({ schema: createTokenSchema, ...options }, async ({ user, input }) =>
  createAccessToken(user.id, input),
);

/**
 * Makes a personal access token for the signed-in member (`name`, `mayVote`, as an object or a form). Answers
 * its secret, which is shown this once and never stored, and its summary. Refused past the member's cap.
 */
export async function createAccessTokenAction(
  input: unknown,
): Promise<ActionResult<{ secret: string; token: TokenSummary }>> {
  return create(input);
}

const revoke = authAction({ schema: revokeTokenSchema, ...options }, async ({ user, input }) => {
  await revokeAccessToken(user.id, input.tokenId);
  return {};
});

/** Revokes one of the signed-in member's tokens (`tokenId`): requests with it are refused from now on. */
export async function revokeAccessTokenAction(input: { tokenId: string }): Promise<ActionResult> {
  return revoke(input);
}
