import { z } from "zod";
import { parseArxivId } from "@/lib/papers/arxiv-id";

export const upvoteInputSchema = z.object({
  paperId: z
    .string()
    .max(64)
    .refine((id) => parseArxivId(id) === id, "Not a paper id."),
  upvoted: z.boolean(),
});

export type UpvoteInput = z.infer<typeof upvoteInputSchema>;
