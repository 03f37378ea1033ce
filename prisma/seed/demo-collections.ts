import type { PrismaClient } from "@/lib/generated/prisma/client";
import { renderCommentHtml } from "@/lib/comments/render";

/** The demo's public collection (a librarian's reading list on reasoning with RL), at `/collections/<id>`. */
export const DEMO_COLLECTION_ID = "demoreasoningrl";

const description =
  "Papers on teaching language models to reason with **reinforcement learning**, in the order I would read them.";

const items: { paperId: string; note: string }[] = [
  { paperId: "2501.12948", note: "Start here: RL alone, with a rule-based reward, brings out long chains of thought." },
  {
    paperId: "2503.24290",
    note: "An open reproduction on a base model; vanilla PPO with $\\lambda = 1$ and no KL term.",
  },
  { paperId: "2504.00016", note: "" },
];

/** Adds the demo collection, once: running the seed again leaves it (and a visitor's changes) as they are. */
export async function seedDemoCollection(prisma: PrismaClient): Promise<void> {
  const existing = await prisma.collection.findUnique({ where: { id: DEMO_COLLECTION_ID }, select: { id: true } });
  if (existing) return;
  await prisma.collection.create({
    data: {
      id: DEMO_COLLECTION_ID,
      ownerId: "demo_librarian",
      name: "Reasoning with reinforcement learning",
      description,
      descriptionHtml: renderCommentHtml(description),
      visibility: "PUBLIC",
      items: {
        create: items.map((item, index) => ({
          paperId: item.paperId,
          position: index + 1,
          note: item.note,
          noteHtml: item.note ? renderCommentHtml(item.note) : "",
        })),
      },
    },
  });
}
