import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import { answerVote, type VoteRequest } from "@/lib/upvotes/vote-endpoint";

const run = randomUUID().slice(0, 8);
const paperId = `2612.${String(Date.now() % 100_000).padStart(5, "0")}`;
const member = `vote_http_${run}`;
const sessions = [`${member}_a`, `${member}_b`];
const limit = 30;

function vote(overrides: Partial<VoteRequest> = {}, session = sessions[0]!): ReturnType<typeof answerVote> {
  return answerVote({
    contentType: "application/json",
    origin: appUrl(),
    host: new URL(appUrl()).host,
    cookie: `authjs.session-token=${session}`,
    body: JSON.stringify({ paperId, upvoted: true }),
    ...overrides,
  });
}

describe("answerVote", () => {
  beforeAll(async () => {
    await prisma.paper.create({
      data: { id: paperId, title: "Votes over HTTP", abstract: "x", authors: ["T"], publishedAt: new Date() },
    });
    await prisma.user.create({ data: { id: member } });
    const expires = new Date(Date.now() + 3_600_000);
    await prisma.session.createMany({
      data: sessions.map((sessionToken) => ({ userId: member, sessionToken, expires })),
    });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: paperId } });
    await prisma.user.deleteMany({ where: { id: member } });
  });

  it("compares the whole Origin with the site's: scheme and port count, not only the host", async () => {
    const site = new URL(appUrl());
    const otherScheme = `${site.protocol === "https:" ? "http" : "https"}://${site.host}`;
    const otherPort = `${site.protocol}//${site.hostname}:${Number(site.port || 80) + 1}`;
    for (const origin of [otherScheme, otherPort, "null", "https://evil.example", "not a url"]) {
      const answer = await vote({ origin });
      expect({ origin, status: answer.status }).toEqual({ origin, status: 403 });
    }
    expect((await vote()).status).toBe(200);
  });

  it("refuses a hidden paper with a 404 and counts nothing", async () => {
    await prisma.paper.update({ where: { id: paperId }, data: { hiddenAt: new Date() } });
    try {
      const answer = await vote({ body: JSON.stringify({ paperId, upvoted: false }) });
      expect(answer.status).toBe(404);
      expect(answer.counted).toBeUndefined();
    } finally {
      await prisma.paper.update({ where: { id: paperId }, data: { hiddenAt: null } });
    }
  });

  it("limits the member, not the session: a second session shares the allowance", async () => {
    // The earlier tests spent two of the member's votes.
    let accepted = 2;
    for (let i = 0; i < limit; i++) {
      const answer = await vote({}, sessions[i % 2]!);
      if (answer.status === 200) accepted += 1;
      else expect(answer.status).toBe(429);
    }
    expect(accepted).toBe(limit);
    expect((await vote({}, sessions[1]!)).status).toBe(429);
  });
});
