import "server-only";
import { loadEnv } from "@/lib/env";

/**
 * The one admin rule: a verified address listed in ADMIN_EMAILS. Pure (no session, no database), so the
 * session check, the mutations' re-check inside their transactions and tests all apply the same rule.
 */
export function isAdminAddress(user: { email: string | null; emailVerified: Date | null } | null): boolean {
  if (!user?.email || !user.emailVerified) return false;
  return loadEnv().ADMIN_EMAILS.includes(user.email.toLowerCase());
}
