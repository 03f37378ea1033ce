/**
 * Deterministic synthetic data for benchmarks (`npm run db:generate`): users, papers, their daily-list
 * entries and upvotes, all pure functions of the options and the seed. No database access here; the
 * script in scripts/db-generate.ts writes what these functions produce.
 *
 * Every record is derived from its own PRNG, seeded from (seed, kind, index), so record i is the same
 * whatever batch it is generated in. Timestamps are relative to `end`, the start of the UTC day after the
 * last featured day: the same seed and the same `end` give the same rows, byte for byte.
 */

import { DAY_MS, startOfUtcDay } from "@/lib/dates/days";
import { mulberry32, type Random } from "@/prisma/seed/random";
import { TOPIC_AREAS, type TopicArea } from "@/tools/synthetic/topics";

/** Largest data set the generator accepts, so the per-paper arrays stay in memory comfortably. */
export const MAX_PAPERS = 10_000_000;
export const MAX_USERS = 10_000_000;
export const MAX_UPVOTES = 100_000_000;

/** Synthetic users have ids `syn_user_<n>` (n from 1), usernames `user<n>`, emails `user<n>@example.test`. */
export const SYNTHETIC_USER_ID_PREFIX = "syn_user_";

/**
 * Synthetic paper ids are well-formed new-style arXiv ids, "YYMM.NNNNN" with a real month, so every page and
 * API route accepts them; but their YYMM is before 1501, and arXiv only used five-digit numbers from
 * January 2015 on, so they can never collide with a real paper (the demo data, or one somebody submitted).
 * Index i maps to block floor(i / 99999) — months 0001..1412 in order — and sequence i % 99999 + 1.
 * The same pattern, usable both as a JavaScript RegExp and as a PostgreSQL `~` regular expression,
 * finds every synthetic paper, so a rerun can delete them first.
 */
export const SYNTHETIC_PAPER_ID_PATTERN = "^(0[0-9]|1[0-4])(0[1-9]|1[0-2])\\.[0-9]{5}$";

const IDS_PER_BLOCK = 99_999;

export function syntheticPaperId(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PAPERS) {
    throw new RangeError(`paper index ${index} is out of range`);
  }
  const block = Math.floor(index / IDS_PER_BLOCK);
  const sequence = (index % IDS_PER_BLOCK) + 1;
  const year = Math.floor(block / 12);
  const month = (block % 12) + 1;
  return `${String(year).padStart(2, "0")}${String(month).padStart(2, "0")}.${String(sequence).padStart(5, "0")}`;
}

export function syntheticUserId(userNumber: number): string {
  return `${SYNTHETIC_USER_ID_PREFIX}${userNumber}`;
}

// ---------------------------------------------------------------------------------------------------
// Randomness

/** Mixes integers into one well-spread 32-bit seed (murmur3's finaliser applied per part). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9 ^ parts.length;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Separate PRNG streams per purpose, so adding a field to one record kind never shifts another's values. */
const Stream = {
  Users: 1,
  Papers: 2,
  Plan: 3,
  Upvotes: 4,
  Popularity: 5,
  Activity: 6,
  Daily: 7,
  Topics: 8,
  Interests: 9,
} as const;

function pick<T>(random: Random, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
}

function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A standard normal deviate (Box–Muller). */
function gaussian(random: Random): number {
  const u = 1 - random(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

// ---------------------------------------------------------------------------------------------------
// Word lists

/** A word list written as "a | b | c" (items may contain spaces). */
function list(text: string): readonly string[] {
  return text
    .split("|")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

const FIRST_NAMES = list(`
  Ada | Alex | Amir | Ana | Anil | Anna | Arjun | Ayesha | Ben | Bilal | Carlos | Chen | Chloe | Daniel | Dmitri |
  Elena | Emeka | Emma | Fatima | Felix | Gabriel | Grace | Hana | Hao | Hugo | Ines | Ivan | Jia | Jin | Jonas |
  Julia | Kai | Kenji | Kofi | Lars | Lea | Lei | Leila | Liam | Lucas | Maria | Mateo | Mei | Mohammed | Nadia |
  Nikhil | Noah | Olga | Omar | Pablo | Priya | Qiang | Rafael | Ravi | Rosa | Sakura | Sara | Sergei | Shreya |
  Sofia | Sven | Tariq | Tomas | Uma | Valentina | Victor | Wei | Xin | Yan | Yara | Yuki | Yusuf | Zara | Zhang |
  Zoe
`);

const LAST_NAMES = list(`
  Abe | Adeyemi | Alvarez | Bauer | Bernard | Chen | Costa | Cruz | Das | Demir | Dubois | Fischer | Garcia |
  Gupta | Haddad | Hansen | Hernandez | Huang | Ivanova | Jensen | Kim | Kowalski | Kumar | Larsen | Lee | Li |
  Lin | Liu | Lopez | Martin | Mehta | Mensah | Moreau | Muller | Nakamura | Nguyen | Novak | Obi | Okafor |
  Park | Patel | Petrov | Rahman | Reddy | Rossi | Santos | Sato | Schmidt | Silva | Singh | Suzuki | Tanaka |
  Tehrani | Wagner | Wang | Weber | Wu | Xu | Yang | Yilmaz | Zhao | Zhou
`);

const NAME_PREFIXES = list(`
  Deep | Meta | Hyper | Omni | Neuro | Vision | Graph | Speech | Sparse | Quant | Token | Cross | Auto | Self |
  Multi | Latent | Flow | Mamba | Lumi | Orca | Atlas | Nova | Echo | Chrono | Geo
`);

const NAME_SUFFIXES = list(`
  Former | Net | LM | Diff | Align | Bench | Mix | Agent | Gen | Fusion | Coder | Reasoner | VLA | Seg | Tok |
  Scale | RL | GPT | Mind | Zero | Edit | Math | World | Search
`);

const NAME_VERSIONS = ["", "", "", "", "-2", "-3", "-R1", "-XL", "-Lite", "-V", "++", "-o"] as const;

const GERUNDS = list(`
  Scaling | Aligning | Distilling | Compressing | Grounding | Unifying | Rethinking | Accelerating | Steering |
  Benchmarking | Evaluating | Training | Pruning | Decoding | Retrieving | Planning
`);

const ADJECTIVES = list(`
  efficient | robust | scalable | interpretable | sample-efficient | long-context | multimodal | open-vocabulary |
  zero-shot | few-shot | self-supervised | data-efficient | generalizable | controllable | faithful |
  lightweight | compositional | streaming | hierarchical | adaptive
`);

const TOPICS = list(`
  large language models | vision-language models | diffusion models | mixture-of-experts | state space models |
  reward models | speech recognition | video generation | 3D reconstruction | text-to-image synthesis |
  code generation | mathematical reasoning | chain-of-thought reasoning | tool use | autonomous agents |
  retrieval-augmented generation | graph neural networks | neural radiance fields | Gaussian splatting |
  protein structure prediction | time series forecasting | embodied navigation | robot manipulation |
  machine translation | instruction tuning | preference optimization | speculative decoding |
  KV cache compression | quantization | knowledge distillation | world models | multi-agent systems
`);

const TASKS = list(`
  question answering | image captioning | semantic segmentation | object detection | program synthesis |
  theorem proving | document understanding | visual grounding | long-form generation | video understanding |
  motion generation | audio generation | depth estimation | image editing | web navigation |
  scientific discovery | medical image analysis | recommendation | summarization | dialogue
`);

const TECHNIQUES = list(`
  reinforcement learning | contrastive learning | low-rank adaptation | flow matching |
  direct preference optimization | curriculum learning | test-time scaling | sparse attention | linear attention |
  rotary position embeddings | synthetic data | self-play | process reward models | Monte Carlo tree search |
  masked autoencoding | latent diffusion | token merging | dynamic routing | knowledge graphs |
  in-context learning | adversarial training | model merging | early exiting | memory replay
`);

const DOMAINS = list(`
  natural language processing | computer vision | robotics | healthcare | autonomous driving |
  scientific computing | education | software engineering | remote sensing | finance | speech processing
`);

const CHALLENGES = list(`
  hallucination | catastrophic forgetting | high inference cost | distribution shift | reward hacking |
  limited context length | poor calibration | quadratic memory growth | label noise | exposure bias |
  weak compositional generalization | slow convergence
`);

const PROPERTIES = list(`
  robustness | sample efficiency | calibration | faithfulness | latency | memory footprint | scaling behaviour |
  generalization | training stability | interpretability
`);

const DATASETS = list(`
  ImageNet | COCO | MMLU | GSM8K | MATH | HumanEval | SWE-bench | LibriSpeech | Kinetics-400 | ScanNet |
  nuScenes | LongBench | MT-Bench | ARC-AGI | VQAv2 | ADE20K | WebArena | GPQA | AIME | LiveCodeBench |
  Objaverse | Ego4D
`);

const CONDITIONS = list(`
  inputs are long | inputs are noisy | the test distribution shifts | labels are scarce |
  inputs are multilingual | images are high-resolution | the compute budget is fixed |
  tasks require multi-step reasoning
`);

const METRICS = ["accuracy", "pass@1", "F1", "BLEU", "win rate", "mIoU", "FID", "success rate", "throughput"] as const;

const FINDINGS = list(`
  gains grow with model size | most of the improvement comes from better data rather than architecture |
  the learned representations transfer across tasks | performance saturates beyond a modest compute budget |
  simple baselines remain surprisingly competitive | errors concentrate on long-tail inputs |
  the method is insensitive to its hyperparameters
`);

const COMPONENTS = list(`
  the auxiliary loss | the routing mechanism | the data filtering stage | the curriculum schedule |
  the memory module | the verifier | the tokenizer | the warm-start initialisation
`);

/** How often a paper's phrases come from its own area's vocabulary rather than anyone's (the rest is noise). */
const ON_TOPIC = 0.85;

/** Phrases for a paper of `area`: mostly its area's, sometimes from the shared lists. */
interface Vocabulary {
  topic(): string;
  task(): string;
  technique(): string;
  dataset(): string;
}

function vocabularyOf(random: Random, area: TopicArea): Vocabulary {
  const from = (own: readonly string[], shared: readonly string[]) => () =>
    pick(random, random() < ON_TOPIC ? own : shared);
  return {
    topic: from(area.topics, TOPICS),
    task: from(area.tasks, TASKS),
    technique: from(area.techniques, TECHNIQUES),
    dataset: from(area.datasets, DATASETS),
  };
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function personName(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

function modelName(random: Random): string {
  return `${pick(random, NAME_PREFIXES)}${pick(random, NAME_SUFFIXES)}${pick(random, NAME_VERSIONS)}`;
}

function makeTitle(random: Random, name: string, words: Vocabulary): string {
  const topic = titleCase(words.topic());
  const task = titleCase(words.task());
  const technique = titleCase(words.technique());
  const adjective = titleCase(pick(random, ADJECTIVES));
  switch (intBetween(random, 0, 6)) {
    case 0:
      return `${name}: ${pick(random, GERUNDS)} ${topic} for ${adjective} ${task}`;
    case 1:
      return `${pick(random, GERUNDS)} ${topic} with ${technique}`;
    case 2:
      return `${name}: Towards ${adjective} ${task} via ${technique}`;
    case 3:
      return `On the ${titleCase(pick(random, PROPERTIES))} of ${topic} in ${titleCase(pick(random, DOMAINS))}`;
    case 4:
      return `${technique} Improves ${adjective} ${task}`;
    case 5:
      return `When ${topic} Meet ${technique}: ${name} for ${task}`;
    default:
      return `${name}: ${adjective} ${topic} at Scale`;
  }
}

function makeAbstract(random: Random, name: string, hasCode: boolean, words: Vocabulary): string {
  const topic = words.topic();
  const sentences: string[] = [];
  sentences.push(
    random() < 0.5
      ? `Research on ${topic} has become central to ${pick(random, DOMAINS)}, yet existing approaches struggle with ${pick(random, CHALLENGES)}.`
      : `Recent work on ${topic} relies on ${words.technique()}, which limits ${pick(random, PROPERTIES)} when ${pick(random, CONDITIONS)}.`,
  );
  sentences.push(
    random() < 0.5
      ? `In this paper, we propose ${name}, ${withArticle(pick(random, ADJECTIVES))} framework that combines ${words.technique()} with ${words.technique()} for ${words.task()}.`
      : `We introduce ${name}, which improves ${topic} for ${words.task()} by ${pick(random, GERUNDS).toLowerCase()} the underlying representations with ${words.technique()}.`,
  );
  if (random() < 0.7) {
    sentences.push(
      `Our key insight is that ${pick(random, CHALLENGES)} can be mitigated through ${words.technique()} without sacrificing ${pick(random, PROPERTIES)}.`,
    );
  }
  sentences.push(
    `Experiments on ${words.dataset()}, ${words.dataset()} and ${words.dataset()} show that ${name} improves ${pick(random, METRICS)} by ${intBetween(random, 2, 35)}.${intBetween(random, 0, 9)}% over strong baselines.`,
  );
  if (random() < 0.6) {
    sentences.push(
      `${name} achieves state-of-the-art results on ${intBetween(random, 3, 17)} benchmarks while using ${intBetween(random, 2, 12)}x less compute.`,
    );
  }
  if (random() < 0.6) {
    sentences.push(
      random() < 0.5
        ? `We further analyze ${pick(random, PROPERTIES)} and find that ${pick(random, FINDINGS)}.`
        : `Ablation studies confirm the importance of ${pick(random, COMPONENTS)}.`,
    );
  }
  if (hasCode) sentences.push("Code, models and data are publicly available.");
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------------
// Options and plan

export interface SyntheticOptions {
  papers: number;
  users: number;
  upvotes: number;
  /** How many UTC days the papers are featured on: the `days` days before `end`. */
  days: number;
  seed: number;
  /** Start of the UTC day after the last featured day; every generated timestamp is before it. */
  end: Date;
}

/** A paper's expected upvotes never exceed this share of the users (and a user's, of the papers). */
const MAX_EXPECTED_SHARE = 0.5;

/** The most upvotes the options can ask for: a quarter of all (user, paper) pairs. */
export function maxUpvotes(users: number, papers: number): number {
  return Math.min(MAX_UPVOTES, Math.floor((users * papers) / 4));
}

/** Per-paper and per-user quantities the records are derived from, computed once per data set. */
export interface SyntheticPlan {
  options: SyntheticOptions;
  /** Start of the first featured day, ms. */
  windowStartMs: number;
  endMs: number;
  /** Paper ids, index = paper index. */
  paperIds: string[];
  /** Featured day of each paper, as an index into the window (0 = first day). */
  paperDay: Int32Array;
  /** When each paper was submitted to the daily list, ms since the epoch. */
  submittedAtMs: Float64Array;
  /** Cumulative popularity of the papers, for weighted sampling. */
  paperCumulative: Float64Array;
  /** Cumulative activity of the users (index = user number - 1). */
  userCumulative: Float64Array;
  /** Each paper's research area, an index into TOPIC_AREAS. */
  paperTopic: Uint8Array;
  /** Per area: its papers' indexes, and their cumulative popularity (the same weights as `paperCumulative`). */
  topicPapers: Int32Array[];
  topicCumulative: Float64Array[];
}

/**
 * Heavy-tailed weights (log-normal), capped so that no item expects more than `maxExpected` of `draws`
 * draws: votes stay skewed without asking for more upvotes than a paper can have distinct voters.
 */
function skewedCumulative(
  random: Random,
  count: number,
  sigma: number,
  draws: number,
  maxExpected: number,
): Float64Array {
  const weights = new Float64Array(count);
  let max = 0;
  for (let i = 0; i < count; i++) {
    const w = Math.exp(sigma * gaussian(random));
    weights[i] = w;
    if (w > max) max = w;
  }
  if (draws > 0) {
    // Fixed point of cap = maxExpected * sum(min(w, cap)) / draws; it decreases monotonically from +inf.
    let cap = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 100; round++) {
      let total = 0;
      for (const w of weights) total += Math.min(w, cap);
      const next = (maxExpected * total) / draws;
      if (next >= max && cap === Number.POSITIVE_INFINITY) break;
      if (Math.abs(next - cap) <= cap * 1e-9) {
        cap = next;
        break;
      }
      cap = next;
    }
    if (cap < max) for (let i = 0; i < count; i++) weights[i] = Math.min(weights[i] ?? 0, cap);
  }
  const cumulative = new Float64Array(count);
  let running = 0;
  for (let i = 0; i < count; i++) {
    running += weights[i] ?? 0;
    cumulative[i] = running;
  }
  return cumulative;
}

/** Index of the first cumulative weight above `random() * total`. */
function sampleIndex(random: Random, cumulative: Float64Array): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = random() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function createPlan(options: SyntheticOptions): SyntheticPlan {
  const { papers, users, days, seed, upvotes } = options;
  const endMs = startOfUtcDay(options.end).getTime();
  const windowStartMs = endMs - days * DAY_MS;
  const random = mulberry32(mixSeed(seed, Stream.Plan));

  // Papers per day: weekdays get about three times as many as weekends, with some jitter.
  const dayWeights: number[] = [];
  for (let d = 0; d < days; d++) {
    const weekday = new Date(windowStartMs + d * DAY_MS).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? 0.35 : 1;
    dayWeights.push(base * (0.8 + 0.4 * random()));
  }
  const totalWeight = dayWeights.reduce((a, b) => a + b, 0);
  const paperDay = new Int32Array(papers);
  const submittedAtMs = new Float64Array(papers);
  let assigned = 0;
  let cumulativeWeight = 0;
  for (let d = 0; d < days; d++) {
    cumulativeWeight += dayWeights[d] ?? 0;
    const upTo = d === days - 1 ? papers : Math.round((papers * cumulativeWeight) / totalWeight);
    for (; assigned < upTo; assigned++) {
      paperDay[assigned] = d;
      submittedAtMs[assigned] = windowStartMs + d * DAY_MS + Math.floor(random() * DAY_MS);
    }
  }

  const paperIds = Array.from({ length: papers }, (_, i) => syntheticPaperId(i));
  const paperCumulative = skewedCumulative(
    mulberry32(mixSeed(seed, Stream.Popularity)),
    papers,
    1.6,
    upvotes,
    MAX_EXPECTED_SHARE * users,
  );
  const userCumulative = skewedCumulative(
    mulberry32(mixSeed(seed, Stream.Activity)),
    users,
    1.0,
    upvotes,
    MAX_EXPECTED_SHARE * papers,
  );
  return {
    options,
    windowStartMs,
    endMs,
    paperIds,
    paperDay,
    submittedAtMs,
    paperCumulative,
    userCumulative,
    ...topicsOf(seed, paperCumulative),
  };
}

/** Each paper's area (uniformly drawn), and per area its papers with their cumulative popularity. */
function topicsOf(
  seed: number,
  paperCumulative: Float64Array,
): Pick<SyntheticPlan, "paperTopic" | "topicPapers" | "topicCumulative"> {
  const random = mulberry32(mixSeed(seed, Stream.Topics));
  const papers = paperCumulative.length;
  const paperTopic = new Uint8Array(papers);
  const members: number[][] = TOPIC_AREAS.map(() => []);
  for (let i = 0; i < papers; i++) {
    const topic = Math.floor(random() * TOPIC_AREAS.length);
    paperTopic[i] = topic;
    members[topic]!.push(i);
  }
  const topicCumulative = members.map((list) => {
    const cumulative = new Float64Array(list.length);
    let running = 0;
    list.forEach((paper, k) => {
      running += (paperCumulative[paper] ?? 0) - (paperCumulative[paper - 1] ?? 0);
      cumulative[k] = running;
    });
    return cumulative;
  });
  return { paperTopic, topicPapers: members.map((list) => Int32Array.from(list)), topicCumulative };
}

/** The research areas (indexes into TOPIC_AREAS) user `n` takes an interest in: one to three, distinct. */
export function syntheticInterests(plan: SyntheticPlan, n: number): number[] {
  const random = mulberry32(mixSeed(plan.options.seed, Stream.Interests, n));
  const count = intBetween(random, 1, 3);
  const interests: number[] = [];
  while (interests.length < count) {
    const topic = Math.floor(random() * TOPIC_AREAS.length);
    if (!interests.includes(topic)) interests.push(topic);
  }
  return interests;
}

// ---------------------------------------------------------------------------------------------------
// Records

export interface SyntheticUser {
  id: string;
  name: string;
  username: string;
  email: string;
  createdAt: Date;
}

/** User number `n` (1-based), joined at some point in the half year before the window. */
export function syntheticUser(plan: SyntheticPlan, n: number): SyntheticUser {
  const random = mulberry32(mixSeed(plan.options.seed, Stream.Users, n));
  return {
    id: syntheticUserId(n),
    name: personName(random),
    username: `user${n}`,
    email: `user${n}@example.test`,
    createdAt: new Date(plan.windowStartMs - Math.floor(random() * 180 * DAY_MS)),
  };
}

export interface SyntheticPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  githubRepo: string | null;
  projectPage: string | null;
  /** Its area's category first, and sometimes another area's (a cross-list). */
  categories: string[];
}

export interface SyntheticDailyPaper {
  paperId: string;
  /** "YYYY-MM-DD" (UTC) */
  day: string;
  submittedAt: Date;
  submittedById: string;
}

/** Paper `index` (0-based): published up to three days before it was featured, never before the window. */
export function syntheticPaper(plan: SyntheticPlan, index: number): SyntheticPaper {
  const random = mulberry32(mixSeed(plan.options.seed, Stream.Papers, index));
  const area = TOPIC_AREAS[plan.paperTopic[index] ?? 0] ?? TOPIC_AREAS[0]!;
  const words = vocabularyOf(random, area);
  const name = modelName(random);
  const hasCode = random() < 0.35;
  const authorCount = intBetween(random, 3, 8);
  const authors: string[] = [];
  for (let a = 0; a < authorCount; a++) authors.push(personName(random));
  const submittedAt = plan.submittedAtMs[index] ?? plan.windowStartMs;
  const lag = Math.floor(random() * Math.min(3 * DAY_MS, submittedAt - plan.windowStartMs + 1));
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/-+$/, "");
  const owner = `${(authors[0]?.split(" ")[1] ?? "ml").toLowerCase()}-lab`;
  return {
    id: plan.paperIds[index] ?? syntheticPaperId(index),
    title: makeTitle(random, name, words),
    abstract: makeAbstract(random, name, hasCode, words),
    authors,
    publishedAt: new Date(submittedAt - lag),
    githubRepo: hasCode ? `https://github.com/${owner}/${slug}` : null,
    projectPage: random() < 0.15 ? `https://${owner}.github.io/${slug}/` : null,
    categories: crossListed(random, area.category),
  };
}

/** `primary`, and for about a quarter of papers a second category drawn from all the areas'. */
function crossListed(random: Random, primary: string): string[] {
  if (random() >= 0.25) return [primary];
  const other = pick(random, TOPIC_AREAS).category;
  return other === primary ? [primary] : [primary, other];
}

/** The daily-list entry of paper `index`, submitted by a random synthetic user. */
export function syntheticDailyPaper(plan: SyntheticPlan, index: number): SyntheticDailyPaper {
  const random = mulberry32(mixSeed(plan.options.seed, Stream.Daily, index));
  const dayMs = plan.windowStartMs + (plan.paperDay[index] ?? 0) * DAY_MS;
  return {
    paperId: plan.paperIds[index] ?? syntheticPaperId(index),
    day: new Date(dayMs).toISOString().slice(0, 10),
    submittedAt: new Date(plan.submittedAtMs[index] ?? dayMs),
    submittedById: syntheticUserId(intBetween(random, 1, plan.options.users)),
  };
}

export interface SyntheticUpvote {
  /** 1-based user number */
  user: number;
  /** 0-based paper index */
  paper: number;
  createdAtMs: number;
}

/** Votes arrive after a paper is featured, most of them within the first couple of days. */
const VOTE_DECAY_MS = 2 * DAY_MS;

/** How often a vote goes to a paper in one of the voter's areas (by popularity there); the rest, to any paper. */
export const INTEREST_SHARE = 0.8;

/**
 * An endless, deterministic stream of candidate upvotes: users picked by activity, papers by popularity
 * (both heavy-tailed) — `INTEREST_SHARE` of them within one of the user's areas of interest, the rest anywhere
 * (noise) — vote times after the paper's submission and before `end`. Pairs repeat; the data set is the first
 * `upvotes` distinct (user, paper) pairs of the stream, whatever batches it is consumed in.
 */
export class UpvoteStream {
  private readonly random: Random;

  constructor(private readonly plan: SyntheticPlan) {
    this.random = mulberry32(mixSeed(plan.options.seed, Stream.Upvotes));
  }

  next(): SyntheticUpvote {
    const user = sampleIndex(this.random, this.plan.userCumulative) + 1;
    const paper = this.paperFor(user);
    const start = this.plan.submittedAtMs[paper] ?? this.plan.windowStartMs;
    const span = this.plan.endMs - start; // > 0: submissions are before `end`
    // Inverse CDF of an exponential delay truncated to [0, span).
    const u = this.random();
    const delay = -VOTE_DECAY_MS * Math.log(1 - u * (1 - Math.exp(-span / VOTE_DECAY_MS)));
    const createdAtMs = Math.min(start + Math.floor(delay), this.plan.endMs - 1);
    return { user, paper, createdAtMs };
  }

  private paperFor(user: number): number {
    if (this.random() < INTEREST_SHARE) {
      const interests = this.interests(user);
      const topic = interests[Math.floor(this.random() * interests.length)] ?? 0;
      const papers = this.plan.topicPapers[topic];
      const cumulative = this.plan.topicCumulative[topic];
      if (papers?.length && cumulative) return papers[sampleIndex(this.random, cumulative)] ?? 0;
    }
    return sampleIndex(this.random, this.plan.paperCumulative);
  }

  private readonly interestsOf = new Map<number, number[]>();

  private interests(user: number): number[] {
    let interests = this.interestsOf.get(user);
    if (!interests) this.interestsOf.set(user, (interests = syntheticInterests(this.plan, user)));
    return interests;
  }
}

/** A number identifying a (user, paper) pair, for de-duplicating within a batch. */
export function upvoteKey(vote: SyntheticUpvote, papers: number): number {
  return (vote.user - 1) * papers + vote.paper;
}
