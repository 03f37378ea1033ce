/**
 * The lexical features For you ranks by: a paper's title and abstract as words and word pairs, weighted by
 * tf-idf (sublinear term frequency, smoothed inverse document frequency over the candidate window) and
 * scaled to unit length, so the dot product of two vectors is their cosine similarity. Pure functions, no
 * database: the candidate index (candidates.ts) and the member's profile (rank.ts) are built from them.
 */

/** Words too common in any abstract to say what a paper is about. */
const STOP_WORDS = new Set(
  `a about above across after again against all also although among an and any are as at be because been
  before being below between both but by can could did do does doing done during each either et etc for from
  further had has have having here how however i if in into is it its itself just may more most much must
  new no nor not novel of off on once only or other our ours out over own paper papers per propose proposed
  proposes present presents same several should show shows shown so some such than that the their them then
  there these they this those through thus to too under until up upon use used uses using very via was we
  well were what when where whether which while who whom why will with within without would yet you your
  approach approaches method methods result results work works based study studies existing recent`
    .split(/\s+/)
    .filter(Boolean),
);

/** The words of `text`, lower-cased, without stop words, numbers or one- and two-letter fragments. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(word);
  }
  return out;
}

/** A paper's terms: its title counted twice (it says most in fewest words), its abstract once, words and pairs. */
export function paperTerms(title: string, abstract: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, times: number) => {
    const list = words(text);
    for (let i = 0; i < list.length; i++) {
      const word = list[i]!;
      counts.set(word, (counts.get(word) ?? 0) + times);
      const next = list[i + 1];
      if (next) {
        const pair = `${word} ${next}`;
        counts.set(pair, (counts.get(pair) ?? 0) + times);
      }
    }
  };
  add(title, 2);
  add(abstract, 1);
  return counts;
}

/** A unit-length sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

/** The vocabulary of the candidate window: each term's id and inverse document frequency. */
export interface Vocabulary {
  ids: Map<string, number>;
  idf: Float32Array;
}

/**
 * Builds the vocabulary of `documents` (term counts per paper): every term in at least one of them, except
 * those in more than half, which tell papers apart no better than a stop word, and word pairs found in one
 * paper only — most pairs are, and they would be most of the vocabulary's memory while the words of the pair
 * already match. (Both only past 20 papers, where document frequencies start to mean something.)
 */
export function buildVocabulary(documents: readonly Map<string, number>[]): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const ids = new Map<string, number>();
  const idf: number[] = [];
  const n = documents.length;
  for (const [term, count] of df) {
    if (n >= 20 && (count > n / 2 || (count === 1 && term.includes(" ")))) continue;
    ids.set(term, idf.length);
    idf.push(Math.log((1 + n) / (1 + count)) + 1);
  }
  return { ids, idf: Float32Array.from(idf) };
}

/** The tf-idf vector of `counts` over `vocabulary` (terms it lacks are left out), at unit length. */
export function vectorize(counts: Map<string, number>, vocabulary: Vocabulary): SparseVector {
  const entries: [number, number][] = [];
  let norm = 0;
  for (const [term, count] of counts) {
    const id = vocabulary.ids.get(term);
    if (id === undefined) continue;
    const weight = (1 + Math.log(count)) * vocabulary.idf[id]!;
    entries.push([id, weight]);
    norm += weight * weight;
  }
  entries.sort((a, b) => a[0] - b[0]);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return {
    terms: Int32Array.from(entries, ([id]) => id),
    weights: Float32Array.from(entries, ([, weight]) => weight * scale),
  };
}

/** The dot product of a sparse vector and a dense one. */
export function dotDense(vector: SparseVector, dense: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < vector.terms.length; i++) sum += vector.weights[i]! * dense[vector.terms[i]!]!;
  return sum;
}
