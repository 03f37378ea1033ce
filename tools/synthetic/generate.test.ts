import { parseArxivId } from "@/lib/papers/arxiv-id";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/dates/days";
import { TOPIC_AREAS } from "@/tools/synthetic/topics";
import {
  createPlan,
  INTEREST_SHARE,
  syntheticInterests,
  SYNTHETIC_PAPER_ID_PATTERN,
  syntheticDailyPaper,
  syntheticPaper,
  syntheticPaperId,
  syntheticUser,
  UpvoteStream,
  upvoteKey,
  type SyntheticOptions,
} from "@/tools/synthetic/generate";

const options: SyntheticOptions = {
  papers: 3_000,
  users: 300,
  upvotes: 30_000,
  days: 30,
  seed: 42,
  end: new Date("2026-11-23T00:00:00Z"),
};

function sample(opts: SyntheticOptions) {
  const plan = createPlan(opts);
  const stream = new UpvoteStream(plan);
  return {
    users: [1, 2, 150, opts.users].map((n) => syntheticUser(plan, n)),
    papers: [0, 1, 1_234, opts.papers - 1].map((i) => syntheticPaper(plan, i)),
    daily: [0, 1, 1_234, opts.papers - 1].map((i) => syntheticDailyPaper(plan, i)),
    upvotes: Array.from({ length: 500 }, () => stream.next()),
  };
}

describe("synthetic paper ids", () => {
  it("are unique, valid arXiv ids, and from before arXiv used five-digit numbers", () => {
    const pattern = new RegExp(SYNTHETIC_PAPER_ID_PATTERN);
    const ids = [0, 1, 99_998, 99_999, 100_000, 8_699_913, 9_999_999].map(syntheticPaperId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(parseArxivId(id)).toBe(id);
      expect(id).toMatch(pattern);
      expect(Number(id.slice(0, 4))).toBeLessThan(1501);
    }
    expect(syntheticPaperId(0)).toBe("0001.00001");
    expect(syntheticPaperId(99_999)).toBe("0002.00001");
    expect(syntheticPaperId(12 * 99_999)).toBe("0101.00001");
    // Real ids (the demo data's, and any arXiv has issued) are never matched by the cleanup pattern.
    for (const real of ["2501.12948", "2412.00001", "1501.00001", "0704.0001", "1412.7062", "hep-th/9901001"]) {
      expect(real).not.toMatch(pattern);
    }
  });

  it("reject indexes out of range", () => {
    expect(() => syntheticPaperId(-1)).toThrow(RangeError);
    expect(() => syntheticPaperId(1.5)).toThrow(RangeError);
  });
});

describe("synthetic data", () => {
  it("is identical for the same options and seed", () => {
    expect(sample(options)).toEqual(sample(options));
  });

  it("differs for another seed", () => {
    const a = sample(options);
    const b = sample({ ...options, seed: 43 });
    expect(b.papers.map((p) => p.title)).not.toEqual(a.papers.map((p) => p.title));
    expect(b.upvotes).not.toEqual(a.upvotes);
    // Ids do not depend on the seed, so reruns with another seed replace the same rows.
    expect(b.papers.map((p) => p.id)).toEqual(a.papers.map((p) => p.id));
  });

  it("makes a record independently of the others (batch boundaries do not matter)", () => {
    const plan = createPlan(options);
    const forward = Array.from({ length: 50 }, (_, i) => syntheticPaper(plan, i));
    const backward = Array.from({ length: 50 }, (_, i) => syntheticPaper(plan, 49 - i)).reverse();
    expect(backward).toEqual(forward);
    expect(syntheticPaper(createPlan(options), 17)).toEqual(forward[17]);
  });

  it("fills every field plausibly", () => {
    const plan = createPlan(options);
    const user = syntheticUser(plan, 7);
    expect(user).toMatchObject({ id: "syn_user_7", username: "user7", email: "user7@example.test" });
    expect(user.name).toMatch(/^\S+ \S+$/);
    const paper = syntheticPaper(plan, 5);
    expect(paper.authors.length).toBeGreaterThanOrEqual(3);
    expect(paper.authors.length).toBeLessThanOrEqual(8);
    expect(paper.title.length).toBeGreaterThan(10);
    expect(paper.abstract.split(". ").length).toBeGreaterThanOrEqual(3);
  });

  it("spreads papers over the window, about papers/days a day, published before they are featured", () => {
    const plan = createPlan(options);
    const windowStart = options.end.getTime() - options.days * DAY_MS;
    const perDay = new Map<string, number>();
    for (let i = 0; i < options.papers; i++) {
      const entry = syntheticDailyPaper(plan, i);
      const paper = syntheticPaper(plan, i);
      const dayStart = Date.parse(`${entry.day}T00:00:00Z`);
      expect(entry.submittedAt.getTime()).toBeGreaterThanOrEqual(dayStart);
      expect(entry.submittedAt.getTime()).toBeLessThan(dayStart + DAY_MS);
      expect(paper.publishedAt.getTime()).toBeLessThanOrEqual(entry.submittedAt.getTime());
      expect(paper.publishedAt.getTime()).toBeGreaterThanOrEqual(windowStart);
      expect(Number(entry.submittedById.slice("syn_user_".length))).toBeGreaterThanOrEqual(1);
      expect(Number(entry.submittedById.slice("syn_user_".length))).toBeLessThanOrEqual(options.users);
      perDay.set(entry.day, (perDay.get(entry.day) ?? 0) + 1);
    }
    expect(perDay.size).toBe(options.days);
    const average = options.papers / options.days;
    for (const count of perDay.values()) {
      expect(count).toBeGreaterThan(average * 0.2);
      expect(count).toBeLessThan(average * 2);
    }
  });

  it("votes after a paper is featured, before the end, skewed towards popular papers", () => {
    const plan = createPlan(options);
    const stream = new UpvoteStream(plan);
    const seen = new Set<number>();
    const votesPerPaper = new Map<number, number>();
    while (seen.size < options.upvotes) {
      const vote = stream.next();
      expect(vote.createdAtMs).toBeGreaterThanOrEqual(plan.submittedAtMs[vote.paper] ?? Number.NaN);
      expect(vote.createdAtMs).toBeLessThan(options.end.getTime());
      expect(vote.user).toBeGreaterThanOrEqual(1);
      expect(vote.user).toBeLessThanOrEqual(options.users);
      const key = upvoteKey(vote, options.papers);
      if (seen.has(key)) continue;
      seen.add(key);
      votesPerPaper.set(vote.paper, (votesPerPaper.get(vote.paper) ?? 0) + 1);
    }
    const counts = [...votesPerPaper.values()].sort((a, b) => b - a);
    const top = counts[0] ?? 0;
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(top).toBeGreaterThan(median * 10);
    expect(top).toBeLessThanOrEqual(options.users);
  });
});

describe("synthetic topics", () => {
  it("gives each area's papers its category and mostly its own vocabulary", () => {
    const plan = createPlan(options);
    const phrasesIn = (text: string, area: (typeof TOPIC_AREAS)[number]) =>
      [...area.topics, ...area.tasks, ...area.techniques, ...area.datasets].filter((phrase) =>
        text.includes(phrase.toLowerCase()),
      ).length;
    let own = 0;
    let other = 0;
    for (let i = 0; i < 300; i++) {
      const topic = plan.paperTopic[i]!;
      const paper = syntheticPaper(plan, i);
      const text = `${paper.title} ${paper.abstract}`.toLowerCase();
      expect(paper.categories[0]).toBe(TOPIC_AREAS[topic]!.category);
      expect(plan.topicPapers[topic]).toContain(i);
      own += phrasesIn(text, TOPIC_AREAS[topic]!);
      other += phrasesIn(text, TOPIC_AREAS[(topic + 1) % TOPIC_AREAS.length]!);
    }
    expect(own).toBeGreaterThan(300 * 3);
    expect(own).toBeGreaterThan(other * 10);
  });

  it("gives users one to three interests, and most of their votes fall in them", () => {
    const plan = createPlan(options);
    const stream = new UpvoteStream(plan);
    let inInterests = 0;
    const draws = 5_000;
    for (let k = 0; k < draws; k++) {
      const vote = stream.next();
      const interests = syntheticInterests(plan, vote.user);
      expect(interests.length).toBeGreaterThanOrEqual(1);
      expect(interests.length).toBeLessThanOrEqual(3);
      expect(new Set(interests).size).toBe(interests.length);
      if (interests.includes(plan.paperTopic[vote.paper]!)) inInterests++;
    }
    // INTEREST_SHARE on purpose, plus the noise votes that land in an interest by chance.
    expect(inInterests / draws).toBeGreaterThan(INTEREST_SHARE);
    expect(inInterests / draws).toBeLessThan(0.95);
  });
});
