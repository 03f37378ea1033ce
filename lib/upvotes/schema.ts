import { z } from "zod";
import { paperIdSchema } from "@/lib/papers/id-schema";

export const upvoteInputSchema = z.object({
  paperId: paperIdSchema,
  upvoted: z.boolean(),
});

export type UpvoteInput = z.infer<typeof upvoteInputSchema>;
