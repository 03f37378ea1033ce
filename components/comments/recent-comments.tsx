import Link from "next/link";
import { CommentBody } from "@/components/comments/comment-body";
import { RichText } from "@/components/paper/rich-text";
import type { RecentComment } from "@/lib/comments/schema";
import { paperPath } from "@/lib/urls";

/** A member's latest comments on their public page, each under its paper's title and linking to it in the thread. */
export function RecentComments({ comments }: { comments: RecentComment[] }) {
  return (
    <section aria-labelledby="recent-comments-heading" className="mt-10">
      <h2 id="recent-comments-heading" className="text-lg font-semibold">
        Recent comments
      </h2>
      {comments.length ? (
        <ol className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
          {comments.map((comment) => (
            <li key={comment.id} className="py-4">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {comment.isReply ? "Replied on " : "Commented on "}
                <Link
                  href={paperPath(comment.paperId)}
                  className="rounded-sm font-medium text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-zinc-100"
                >
                  <RichText text={comment.paperTitle} links={false} />
                </Link>{" "}
                ·{" "}
                <Link
                  href={paperPath(comment.paperId, `comment-${comment.id}`)}
                  className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-amber-500"
                >
                  <time dateTime={comment.createdAt} title={comment.createdTitle}>
                    {comment.createdAgo}
                  </time>
                </Link>
              </p>
              <CommentBody html={comment.html} className="mt-1 line-clamp-4" />
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">No comments yet.</p>
      )}
    </section>
  );
}
