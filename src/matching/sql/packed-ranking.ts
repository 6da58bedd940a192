import { rankedPositionsOf, tiedAt } from '../domain/ranking.js';
import type { TieBreakRule } from '../domain/scoring-policy.js';
import { UuidList } from '../uuid-list.js';

/** A whole ranking, in ranking order, as the cache keeps it (typed arrays: no object per candidate). */
export interface FullRanking {
  /** Candidates in ranking order (16 bytes each: a cached ranking holds every candidate). */
  ids: UuidList;
  scores: Int32Array;
  requiredMet: Int32Array;
  metCount: Int32Array;
  qualified: Uint8Array;
  ranks: Int32Array;
  tieSizes: Int32Array;
  qualifiedCount: number;
}

/** Bytes per candidate in a packed ranking: the id (16), score, requirements met, competencies met (4 each), qualified (1). */
const CANDIDATE_BYTES = 29;

/**
 * The whole-ranking statement (educator_id, score, required_met, met_count, qualified) folded into one bytea of
 * fixed-size records in educator id order. Parsing 20,000 rows of five text fields into JavaScript values held the
 * event loop for tens of milliseconds a ranking and left as much garbage; one bytea is a single native hex decode.
 * The records follow the subquery's order (its merge join yields educator id order without a sort); unpackRanking
 * does not rely on it: out-of-order ids only cost a slower sort.
 */
export function packedRankingSql(wholeRankingSql: string): string {
  return `SELECT string_agg(uuid_send(educator_id) || int4send(score) || int4send(required_met) || int4send(met_count) || boolsend(qualified), ''::bytea)
    FROM (${wholeRankingSql} ORDER BY educator_id) candidate`;
}

/** Orders a packed ranking by the domain's rule (rankedPositionsOf) and gives its shared ranks and tie sizes. */
export function unpackRanking(packed: Buffer | null, tieBreak: TieBreakRule): FullRanking {
  const bytes = packed ?? Buffer.alloc(0);
  if (bytes.length % CANDIDATE_BYTES) throw new Error(`A packed ranking of ${bytes.length} bytes is not whole records`);
  const n = bytes.length / CANDIDATE_BYTES;
  const at = (i: number) => i * CANDIDATE_BYTES;
  const scores = new Int32Array(n);
  const requiredMet = new Int32Array(n);
  const metCount = new Int32Array(n);
  const qualified = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = bytes.readInt32BE(at(i) + 16);
    requiredMet[i] = bytes.readInt32BE(at(i) + 20);
    metCount[i] = bytes.readInt32BE(at(i) + 24);
    qualified[i] = bytes[at(i) + 28];
  }
  const order = rankedPositionsOf(
    {
      length: n,
      scores,
      requiredMet,
      metCount,
      qualified,
      compareIds: (i, j) => compareBytes(bytes, at(i), at(j), 16),
    },
    tieBreak,
  );
  const out: FullRanking = {
    ids: new UuidList(n),
    scores: new Int32Array(n),
    requiredMet: new Int32Array(n),
    metCount: new Int32Array(n),
    qualified: new Uint8Array(n),
    ranks: new Int32Array(n),
    tieSizes: new Int32Array(n),
    qualifiedCount: 0,
  };
  let tieStart = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    out.ids.copyBytes(k, bytes, at(i));
    out.scores[k] = scores[i];
    out.requiredMet[k] = requiredMet[i];
    out.metCount[k] = metCount[i];
    out.qualified[k] = qualified[i];
    if (qualified[i]) out.qualifiedCount++;
    // A tie is the same qualification and score: it shares the rank of its first member (1 + everyone ahead).
    if (k > 0 && !tiedAt(out, k - 1, k)) {
      out.tieSizes.fill(k - tieStart, tieStart, k);
      tieStart = k;
    }
    out.ranks[k] = tieStart + 1;
  }
  out.tieSizes.fill(n - tieStart, tieStart, n);
  return out;
}

/**
 * Compares `length` bytes at offsets a and b (negative, zero, positive), unsigned, as PostgreSQL orders uuids. A loop
 * here: Buffer.compare is a native call per pair, which cost more than the comparison itself for 20,000 pairs.
 */
function compareBytes(bytes: Buffer, a: number, b: number, length: number): number {
  for (let k = 0; k < length; k++) {
    const d = bytes[a + k] - bytes[b + k];
    if (d) return d;
  }
  return 0;
}
