"use client";

import Link from "next/link";
import { useViewer } from "@/components/hooks/use-viewer";

/** "3 papers hidden by your mutes · Manage" above a list whose cards the member's mutes took out. */
export function MutedNote({ paperIds }: { paperIds: string[] }) {
  const viewer = useViewer();
  const hidden = paperIds.filter((id) => viewer.muted.has(id)).length;
  if (hidden === 0) return null;
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      {`${hidden} ${hidden === 1 ? "paper" : "papers"} hidden by your mutes`} ·{" "}
      <Link href="/settings#following-heading" className="text-link" prefetch={false}>
        Manage
      </Link>
    </p>
  );
}
