"use client";

import type { ReactNode } from "react";
import { useViewer } from "@/components/hooks/use-viewer";

/**
 * `children` for admins only (operator hints such as a command to run, the header's Admin link); nothing
 * for everyone else. Known in the browser (lib/client/viewer-store.ts), so the page around it is the same
 * for every reader; the admin pages themselves check on the server.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  return useViewer().isAdmin ? children : null;
}
