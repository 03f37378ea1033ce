import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { prisma } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/health";
import { sessionTokenIn } from "@/lib/auth/session-cookie";

export interface CurrentUser {
  id: string;
  email: string | null;
  emailVerified: Date | null;
  name: string | null;
  username: string | null;
  image: string | null;
}

async function sessionToken(): Promise<string | null> {
  const jar = await cookies();
  return sessionTokenIn((name) => jar.get(name)?.value);
}

/**
 * Auth.js answers "no session" both when there is none and when its adapter could not ask (it logs the
 * error and carries on), which would tell a signed-in reader to sign in during a database blip. So when it
 * finds nothing for a cookie we look the row up ourselves: a failed lookup, or a live session Auth.js did
 * not return, means the database could not be asked.
 */
async function confirmSignedOut(token: string): Promise<void> {
  if (await liveSessionUserId(token)) throw new DatabaseUnavailableError();
}

/** The user of the unexpired session row `token` names, or null; a failed lookup throws. */
async function liveSessionUserId(token: string): Promise<string | null> {
  const session = await prisma.session.findUnique({
    where: { sessionToken: token },
    select: { userId: true, expires: true },
  });
  return session && session.expires > new Date() ? session.userId : null;
}

/**
 * The signed-in user of this request, or null; deduplicated within a request. Throws (an outage error,
 * which `authAction` maps to UNAVAILABLE and pages show calmly) when the session could not be checked,
 * rather than mistaking a database blip for a signed-out reader.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await sessionToken();
  // No cookie, no session: signed-out readers cost no query.
  if (!token) return null;
  const session = await auth();
  const id = session?.user?.id;
  if (!id) {
    await confirmSignedOut(token);
    return null;
  }
  return prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, emailVerified: true, name: true, username: true, image: true },
  });
});
