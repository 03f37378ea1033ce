import type { ReactNode } from "react";
import { isAdmin } from "@/lib/auth/admin";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * `children` for admins only (operator hints such as a command to run); nothing for everyone else. Async: put
 * it under `<Suspense>` so the rest of the page never waits on the session.
 */
export async function AdminOnly({ children }: { children: ReactNode }) {
  return isAdmin(await getCurrentUser()) ? children : null;
}
