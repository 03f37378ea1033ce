"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, useTransition } from "react";
import { useViewer } from "@/components/hooks/use-viewer";
import { signInHref } from "@/lib/auth/sign-in-href";
import { noteFollowAuthor } from "@/lib/client/viewer-store";
import { addTopicAction, removeTopicAction } from "@/lib/follows/actions";

/**
 * "Follow" on an author's page: a toggle for a member (whether they follow comes with the page's one viewer
 * request, as `data-follow-author` asks), a way to sign in for a stranger. Says what it did in a status line:
 * following a name with no papers here yet is allowed, and says so.
 */
export function FollowAuthorButton({ name }: { name: string }) {
  const viewer = useViewer({ author: name });
  const pathname = usePathname();
  const following = viewer.followedAuthors.get(name) ?? false;
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function toggle() {
    if (pending || viewer.status === "unknown") return;
    startTransition(async () => {
      const input = { list: "follow", kind: "AUTHOR", value: name };
      const result = following ? await removeTopicAction(input) : await addTopicAction(input);
      if (!result.ok) return setNote({ text: result.message, failed: true });
      noteFollowAuthor(name, !following);
      setNote({ text: "note" in result ? result.note : `You no longer follow ${name}.`, failed: false });
    });
  }

  return (
    <div data-follow-author={name} className="flex min-h-8 flex-wrap items-center gap-x-3 gap-y-1">
      {viewer.status === "guest" ? (
        <Link href={signInHref(pathname)} className="toggle-chip" prefetch={false}>
          Follow
        </Link>
      ) : (
        <button
          type="button"
          aria-pressed={following}
          aria-disabled={pending || viewer.status === "unknown"}
          onClick={toggle}
          className="toggle-chip aria-disabled:opacity-60"
        >
          {following ? "Following" : "Follow"}
        </button>
      )}
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${note?.failed ? "text-red-600 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
      >
        {note?.text ?? ""}
      </p>
    </div>
  );
}
