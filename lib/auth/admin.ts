import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { isAdminAddress } from "@/lib/auth/roles";

/** Whether `user` is an admin: their verified address is in ADMIN_EMAILS. */
export function isAdmin(user: Pick<CurrentUser, "email" | "emailVerified"> | null): boolean {
  return isAdminAddress(user);
}

/** The signed-in user of a page that needs one; signed-out readers are sent to sign in and back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in admin of an admin page; others get the not-found page (admin pages do not advertise). */
export async function requireAdmin(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!isAdmin(user)) notFound();
  return user;
}
