import { z } from "zod";
import { cleanAuthorName } from "@/lib/papers/author-name";
import { paperIdSchema } from "@/lib/papers/id-schema";
import type { DigestChoice } from "@/lib/settings/schema";

/** Most papers one page asks about (a listing shows at most 100 cards; similar papers add a few). */
export const MAX_VIEWER_PAPERS = 200;

/**
 * The query of `GET /api/viewer`: `papers`, the comma-separated ids of the vote buttons on the page,
 * `discussion`, the paper whose thread is shown, if any, and `author`, the author whose page it is, if any.
 */
export const viewerQuerySchema = z.object({
  papers: z
    .string()
    .max(MAX_VIEWER_PAPERS * 41)
    .optional()
    .transform((raw) => [...new Set((raw ?? "").split(",").filter(Boolean))])
    .pipe(z.array(paperIdSchema).max(MAX_VIEWER_PAPERS, `At most ${MAX_VIEWER_PAPERS} papers.`)),
  discussion: paperIdSchema.optional(),
  author: z
    .string()
    .transform((raw, ctx) => {
      const name = cleanAuthorName(raw);
      if (name === null) {
        ctx.addIssue({ code: "custom", message: "author must be an author's name." });
        return z.NEVER;
      }
      return name;
    })
    .optional(),
});

export type ViewerQuery = z.infer<typeof viewerQuerySchema>;

/**
 * What a page needs to know about its reader, beside the page itself (which is the same for everyone and
 * comes from the page cache): who they are, their votes and the counts as they are now on the papers shown,
 * their digest, and which comments of the discussion shown are theirs.
 */
export interface ViewerState {
  signedIn: boolean;
  user: { label: string; username: string | null } | null;
  isAdmin: boolean;
  digest: DigestChoice;
  /** Of the papers asked about, those the reader upvoted. */
  upvoted: string[];
  /** The papers' counts as they are now (the page may be a refresh behind). */
  counts: Record<string, number>;
  /** Of the discussion asked about, the comments the reader wrote. */
  ownComments: string[];
  /** Of the papers asked about, those whose page the reader has opened. */
  seen: string[];
  /** Of the papers asked about, those the reader's mutes hide (an author, a category or a keyword). */
  muted: string[];
  /** Whether the reader follows the author asked about; null when none was asked about. */
  followsAuthor: boolean | null;
}
