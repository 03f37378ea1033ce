import { z } from "zod";
import { parseArxivId } from "@/lib/papers/arxiv-id";

/** A paper's id in its canonical form, as pages print it (`2501.12948`, `hep-th/9901001`). */
export const paperIdSchema = z
  .string()
  .max(64)
  .refine((raw) => parseArxivId(raw) === raw, "Not a paper id.");
