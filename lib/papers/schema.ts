/** A paper as the feed shows it. */
export interface PaperSummary {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  upvoteCount: number;
  commentCount: number;
  githubRepo: string | null;
  submittedBy: { username: string | null; name: string | null } | null;
  submittedAt: Date;
}

/** One day of the daily list. */
export interface DailyList {
  /** "YYYY-MM-DD" */
  day: string;
  papers: PaperSummary[];
}
