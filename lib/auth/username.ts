import "server-only";
import { randomInt } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** RFC 4648 base32, lowercased: no 0/1/8/9, so a handle never reads as a number or an l/O look-alike. */
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * A neutral handle for a new member: "reader-" and 6 random base32 characters (a billion of them).
 * It used to be the email's local part, which published every member's address and let anyone test
 * whether an address had an account; readers now choose their handle in Settings.
 */
export function defaultUsername(): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += BASE32[randomInt(BASE32.length)];
  return `reader-${suffix}`;
}

/** Gives a new user a unique neutral handle (retrying on the rare collision). */
export async function assignUsername(userId: string): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      await prisma.user.update({ where: { id: userId }, data: { username: defaultUsername() } });
      return;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
}
