import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";

/**
 * A member's private feed address on a members-only site: `/feeds/daily.xml?key=<user id>.<signature>`, the
 * signature an HMAC of the member and their `feedKeyVersion` under AUTH_SECRET. Nothing secret is stored: the
 * key can be shown again whenever the member asks, and rotating it (the version bumped) voids every address
 * given out before. Changing AUTH_SECRET voids them all, as it does every session.
 */
const KEY = /^([\w-]{1,64})\.([A-Za-z0-9_-]{43})$/;

function signature(userId: string, version: number, secret: string): string {
  return createHmac("sha256", secret).update(`daily-papers:feed-key:${userId}:${version}`).digest("base64url");
}

/** The member's feed key, or null when the server has no AUTH_SECRET to sign it with. */
export function feedKeyFor(userId: string, version: number, secret = loadEnv().AUTH_SECRET): string | null {
  return secret ? `${userId}.${signature(userId, version, secret)}` : null;
}

/** The member a key names and the signature it carries, or null when it cannot be a key. */
export function parseFeedKey(key: string): { userId: string; signature: string } | null {
  const match = KEY.exec(key);
  return match ? { userId: match[1]!, signature: match[2]! } : null;
}

/** Whether `claimed` is the signature of the member's key at `version`. */
export function signatureMatches(userId: string, version: number, claimed: string, secret = loadEnv().AUTH_SECRET) {
  if (!secret) return false;
  const expected = Buffer.from(signature(userId, version, secret));
  const given = Buffer.from(claimed);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Reads the version a member's key is signed with now; null for no such member. */
export async function feedKeyVersionOf(userId: string): Promise<number | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { feedKeyVersion: true } });
  return user?.feedKeyVersion ?? null;
}
