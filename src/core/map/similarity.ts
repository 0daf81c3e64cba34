/**
 * The text-similarity measure of the responsibility map: cosine similarity of TF-IDF vectors
 * (Salton's vector-space model) over the terms of `tokens.ts`, with the IDF taken over the
 * handbook's own responsibilities and success criteria. It was chosen because handbook texts are
 * short phrases whose overlap is carried by a few content words ("high-level architecture",
 * "technology direction"): TF-IDF weighs those words by how rare they are in the handbook, so
 * "architecture" shared by two roles counts for much more than "team" shared by twenty, and the
 * cosine explains itself as the shared words and their weights. Edit-distance and character
 * n-gram measures were rejected: they reward the same grammar ("Ensure that ... are met") more
 * than the same subject.
 *
 * Finding every pair above a threshold uses the all-pairs prefix filter (Bayardo, Ma and Srikant,
 * "Scaling up all pairs similarity search", WWW 2007): each vector's terms are sorted rarest first
 * and only the shortest prefix whose remainder has a norm below the threshold is put in the
 * inverted index. Two vectors can only reach the threshold if they share a term of an indexed
 * prefix, so common words never produce candidates. Posting lists are capped (`maxPostings`), so
 * the join costs O(T log T) to build (T = total terms) plus at most O(T · maxPostings) to probe
 * and score: linear in the handbook's size. It is exact as long as no word is indexed for more
 * than `maxPostings` texts, which holds for real handbooks; on huge repetitive ones (a generated
 * 10,000-role handbook) the cap trades completeness for a bounded time.
 */
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import type { Term } from './tokens';

export interface TermVector {
  /** Term ids, ascending; ids are ranks, rarest term first. */
  ids: number[];
  /** Weights, unit length overall, in the order of `ids`. */
  weights: number[];
}

export interface VectorSpace {
  vectors: TermVector[];
  /** Stem of each term id. */
  stems: string[];
  /** Number of documents that contain each term id. */
  df: number[];
}

/** Builds unit TF-IDF vectors ((1 + ln tf) · ln(1 + N / df)) for a list of documents. */
export function buildVectors(docs: readonly (readonly Term[])[]): VectorSpace {
  const dfByStem = new Map<string, number>();
  for (const doc of docs) {
    for (const stem of new Set(doc.map((t) => t.stem))) dfByStem.set(stem, (dfByStem.get(stem) ?? 0) + 1);
  }
  const stems = [...dfByStem.keys()].sort((a, b) => dfByStem.get(a)! - dfByStem.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map<string, number>();
  stems.forEach((s, i) => idOf.set(s, i));
  const df = stems.map((s) => dfByStem.get(s)!);
  const n = docs.length;
  const vectors = docs.map((doc): TermVector => {
    const tf = new Map<number, number>();
    for (const t of doc) {
      const id = idOf.get(t.stem)!;
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const ids = [...tf.keys()].sort((a, b) => a - b);
    const raw = ids.map((id) => (1 + Math.log(tf.get(id)!)) * Math.log(1 + n / df[id]));
    const norm = Math.sqrt(raw.reduce((s, w) => s + w * w, 0));
    return { ids, weights: norm > 0 ? raw.map((w) => w / norm) : raw };
  });
  return { vectors, stems, df };
}

/** Cosine of two unit vectors (a merge of their sorted term ids). */
export function cosine(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, sum);
}

/** The terms two vectors share, with their contribution to the cosine, largest first. */
export function sharedTerms(a: TermVector, b: TermVector): { id: number; contribution: number }[] {
  const out: { id: number; contribution: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) out.push({ id: x, contribution: a.weights[i++] * b.weights[j++] });
    else if (x < y) i++;
    else j++;
  }
  return out.sort((p, q) => q.contribution - p.contribution || p.id - q.id);
}

export interface JoinOptions {
  /** Skip a pair before it is scored (a is the earlier vector). */
  wanted?: (a: number, b: number) => boolean;
  /**
   * Most vectors an indexed word may point to. A word already indexed for this many vectors is
   * not indexed for later ones, which bounds the work on huge, repetitive handbooks; pairs whose
   * only shared indexed words are such saturated words are then not compared. Handbooks where no
   * word reaches the cap (every real one tried) are joined exactly.
   */
  maxPostings?: number;
  /** Polled before each vector is probed; the join throws `Cancelled` once it is cancelled. */
  token?: CancellationLike;
}

export const DEFAULT_MAX_POSTINGS = 32;

/**
 * Calls `emit(a, b, score)` for every pair of vectors (a < b) with a cosine of at least
 * `threshold` (0 < threshold ≤ 1), grouped by b ascending. Returns how many cosines were computed.
 *
 * While probing, the dot product over the indexed prefix is accumulated; a candidate whose
 * accumulated part plus the norm of its unindexed suffix stays below the threshold cannot reach
 * it and is not scored.
 */
export function similarPairs(
  vectors: readonly TermVector[],
  threshold: number,
  emit: (a: number, b: number, score: number) => void,
  options: JoinOptions = {},
): number {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const maxPostings = options.maxPostings ?? DEFAULT_MAX_POSTINGS;
  const wanted = options.wanted;
  const t = threshold - 1e-12;
  const postings = new Map<number, { docs: number[]; weights: number[] }>();
  const suffixNorm = new Float64Array(vectors.length);
  const acc = new Float64Array(vectors.length);
  const mark = new Int32Array(vectors.length).fill(-1);
  let scored = 0;
  for (let b = 0; b < vectors.length; b++) {
    throwIfCancelled(options.token);
    const vb = vectors[b];
    const candidates: number[] = [];
    vb.ids.forEach((id, k) => {
      const list = postings.get(id);
      if (!list) return;
      const wb = vb.weights[k];
      for (let m = 0; m < list.docs.length; m++) {
        const a = list.docs[m];
        if (mark[a] !== b) {
          mark[a] = b;
          acc[a] = 0;
          candidates.push(a);
        }
        acc[a] += list.weights[m] * wb;
      }
    });
    candidates.sort((x, y) => x - y);
    for (const a of candidates) {
      if (acc[a] + suffixNorm[a] < t) continue;
      if (wanted && !wanted(a, b)) continue;
      scored++;
      const score = cosine(vectors[a], vb);
      if (score >= t) emit(a, b, score);
    }
    // Index the prefix of b: words rarest first, until what is left cannot reach the threshold.
    let rest = 0;
    for (const w of vb.weights) rest += w * w;
    // The norm of what is not indexed (suffix and saturated words) bounds what probes can miss.
    let skipped = 0;
    for (let k = 0; k < vb.ids.length && Math.sqrt(Math.max(rest, 0)) >= t; k++) {
      const id = vb.ids[k];
      const w2 = vb.weights[k] * vb.weights[k];
      let list = postings.get(id);
      if (!list) postings.set(id, (list = { docs: [], weights: [] }));
      if (list.docs.length < maxPostings) {
        list.docs.push(b);
        list.weights.push(vb.weights[k]);
      } else {
        skipped += w2;
      }
      rest -= w2;
    }
    suffixNorm[b] = Math.sqrt(Math.max(rest + skipped, 0));
  }
  return scored;
}
