import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DAY_MS, startOfUtcDay } from "@/lib/dates/days";
import { mulberry32 } from "@/prisma/seed/random";
import { seedDemoCollection } from "./demo-collections";
import { demoPapers } from "./demo-papers";
import { demoSubmitters, demoUsers } from "./demo-users";

/** How many recent days the demo papers are spread over, so the feed has history. */
const DEMO_DAYS = 5;

export interface SeedSummary {
  papers: number;
  users: number;
  upvotes: number;
}

/**
 * Loads the demo papers, users, upvotes and a public collection. Idempotent: papers and users are upserted, upvotes are only
 * added, so running it again (or after people have voted) changes nothing that exists.
 * The papers are featured on the `DEMO_DAYS` days up to `today`, newest papers on the latest day.
 */
export async function seedDemoData(prisma: PrismaClient, today: Date = new Date()): Promise<SeedSummary> {
  const random = mulberry32(20_250_122);
  const lastDay = startOfUtcDay(today);

  await prisma.user.createMany({
    data: demoUsers.map((u) => ({ id: u.id, username: u.username, name: u.name })),
    skipDuplicates: true,
  });

  const perDay = Math.ceil(demoPapers.length / DEMO_DAYS);
  for (const [index, paper] of demoPapers.entries()) {
    const day = new Date(lastDay.getTime() - Math.floor(index / perDay) * DAY_MS);
    const submitter = demoSubmitters[index % demoSubmitters.length];
    const fields = {
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors,
      publishedAt: new Date(`${paper.publishedOn}T00:00:00Z`),
      githubRepo: paper.githubRepo ?? null,
      projectPage: paper.projectPage ?? null,
      categories: paper.categories,
    };
    await prisma.paper.upsert({
      where: { id: paper.arxivId },
      create: {
        id: paper.arxivId,
        ...fields,
        daily: {
          create: {
            day,
            submittedAt: new Date(day.getTime() + (6 + (index % perDay)) * 3_600_000),
            submittedById: submitter?.id ?? null,
          },
        },
      },
      update: fields,
    });
  }

  const votes = demoPapers.flatMap((paper) => {
    const popularity = random();
    return demoUsers
      .filter(() => random() < popularity * 0.9)
      .map((user) => ({ userId: user.id, paperId: paper.arxivId }));
  });
  const { count } = await prisma.upvote.createMany({ data: votes, skipDuplicates: true });
  await seedDemoCollection(prisma);

  return { papers: demoPapers.length, users: demoUsers.length, upvotes: count };
}
