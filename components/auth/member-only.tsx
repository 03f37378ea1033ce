"use client";

import type { ReactNode } from "react";
import { useViewer } from "@/components/hooks/use-viewer";

/**
 * `children` for signed-in members only (the header's links to their own pages); nothing for strangers.
 * Known in the browser (lib/client/viewer-store.ts), so the page around it is the same for every reader;
 * the member pages themselves check on the server.
 */
export function MemberOnly({ children }: { children: ReactNode }) {
  return useViewer().status === "member" ? children : null;
}
