import { z } from "zod";
import { paperIdSchema } from "@/lib/papers/id-schema";

/** What `markSeenAction` takes: the paper whose page the member opened. */
export const seenInputSchema = z.object({ paperId: paperIdSchema });
