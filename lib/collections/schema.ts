import { z } from "zod";
import { paperIdSchema } from "@/lib/papers/id-schema";
import { CONTROL_CHARACTERS, DIRECTION_CONTROLS } from "@/lib/text/unsafe-characters";

/** Longest collection name, and longest note or description, in characters after trimming. */
export const COLLECTION_NAME_MAX = 80;
export const COLLECTION_TEXT_MAX = 2_000;

export const VISIBILITIES = ["PRIVATE", "SHARED", "PUBLIC"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What each visibility means, in the words the pages use. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  PRIVATE: "Private: only you",
  SHARED: "Shared: you and the members you choose",
  PUBLIC: "Public: anyone with the link",
};

/** Collection ids are cuids: lowercase letters and digits. */
export const collectionIdField = z
  .string({ error: "That collection does not exist." })
  .regex(/^[a-z0-9]{1,40}$/, "That collection does not exist.");

/** A collection's name: one line, trimmed, 1–80 characters. */
export const collectionNameField = z
  .string({ error: "Name the collection." })
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Name the collection.")
      .max(COLLECTION_NAME_MAX, `A collection's name can be at most ${COLLECTION_NAME_MAX} characters.`)
      .refine((value) => !CONTROL_CHARACTERS.test(value), "A name cannot contain control characters.")
      .refine((value) => !DIRECTION_CONTROLS.test(value), "A name cannot contain text-direction controls."),
  );

/** A note on a paper, or a collection's description: Markdown, up to 2,000 characters, may be empty. */
export const collectionTextField = z
  .string()
  .default("")
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .max(COLLECTION_TEXT_MAX, `Notes can be at most ${COLLECTION_TEXT_MAX.toLocaleString("en-US")} characters.`)
      .refine((value) => !CONTROL_CHARACTERS.test(value), "Notes cannot contain control characters (such as NUL)."),
  );

const visibilityField = z.enum(VISIBILITIES, { error: "Choose who may read the collection." });

export const createCollectionSchema = z.object({
  name: collectionNameField,
  visibility: visibilityField.default("PRIVATE"),
  /** Added at once: "New collection" from a paper's Save menu. */
  paperId: paperIdSchema.optional(),
});

export const updateCollectionSchema = z.object({
  collectionId: collectionIdField,
  name: collectionNameField,
  description: collectionTextField,
  visibility: visibilityField,
});

export const importLibrarySchema = z.object({
  name: collectionNameField,
  filename: z.string().max(255).default(""),
  text: z.string({ error: "Choose a file to import." }).min(1, "That file is empty."),
});

export const collectionRefSchema = z.object({ collectionId: collectionIdField });

export const collectionItemSchema = z.object({ collectionId: collectionIdField, paperId: paperIdSchema });

export const itemNoteSchema = collectionItemSchema.extend({ note: collectionTextField });

export const MOVES = ["up", "down", "top", "bottom"] as const;
export type Move = (typeof MOVES)[number];
export const moveItemSchema = collectionItemSchema.extend({ move: z.enum(MOVES) });

export const shareSchema = z.object({
  collectionId: collectionIdField,
  username: z
    .string({ error: "Name the member by their handle." })
    .transform((value) => value.trim().replace(/^@/, "").toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9-]{1,40}$/, "Name the member by their handle (letters, digits and dashes).")),
});

export const unshareSchema = z.object({
  collectionId: collectionIdField,
  userId: z.string().regex(/^[a-z0-9]{1,40}$/),
});

/** A collection as its owner's list shows it. */
export interface CollectionSummary {
  id: string;
  name: string;
  visibility: Visibility;
  itemCount: number;
  updatedAt: Date;
}

/** A collection a paper's Save menu lists: whether the paper is in it. */
export interface SaveTarget {
  id: string;
  name: string;
  contains: boolean;
}
