import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";

/** A public handle from an email or a name: "ada.lovelace@x.org" → "ada-lovelace". */
export function usernameBase(source: string): string {
  const base = source
    .split("@")[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24);
  return base || "reader";
}

/** Gives a new user a unique public username, adding a short suffix when the plain one is taken. */
export async function assignUsername(userId: string, source: string): Promise<void> {
  const base = usernameBase(source);
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${randomBytes(2).toString("hex")}`;
    const taken = await prisma.user.count({ where: { username: candidate } });
    if (taken) continue;
    try {
      await prisma.user.update({ where: { id: userId }, data: { username: candidate } });
      return;
    } catch {
      // Someone took it between the check and the update: try another.
    }
  }
}
