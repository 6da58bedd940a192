import { markSharedRanks, rankedPositionsOf } from '../domain/ranking.js';
import type { TieBreakRule } from '../domain/scoring-policy.js';
import { UuidList } from '../uuid-list.js';

/**
 * A ranking as the cache keeps it: its leading candidates in ranking order (every candidate when `ids.length` equals
 * `total`), as typed arrays (no object per candidate), with the counts of the whole ranking.
 */
export interface FullRanking {
  /** The leading candidates in ranking order (16 bytes each). */
  ids: UuidList;
  scores: Int32Array;
  requiredMet: Int32Array;
  metCount: Int32Array;
  qualified: Uint8Array;
  /** Shared rank of each held candidate: 1 + the candidates strictly ahead. */
  ranks: Int32Array;
  /** 1 where another candidate (held or not) shares the rank. */
  tied: Uint8Array;
  /** Candidates in the whole ranking. */
  total: number;
  /** Qualified candidates in the whole ranking (they lead it). */
  qualifiedCount: number;
}

/** An empty ranking of n held candidates, to be filled in ranking order. */
function rankingOf(n: number, total: number, qualifiedCount: number): FullRanking {
  return {
    ids: new UuidList(n),
    scores: new Int32Array(n),
    requiredMet: new Int32Array(n),
    metCount: new Int32Array(n),
    qualified: new Uint8Array(n),
    ranks: new Int32Array(n),
    tied: new Uint8Array(n),
    total,
    qualifiedCount,
  };
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

/** Orders a packed ranking by the domain's rule (rankedPositionsOf) and gives its shared ranks and ties: the whole ranking. */
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
  let qualifiedCount = 0;
  for (let i = 0; i < n; i++) qualifiedCount += qualified[i] ? 1 : 0;
  const out = rankingOf(n, n, qualifiedCount);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    out.ids.copyBytes(k, bytes, at(i));
    out.scores[k] = scores[i];
    out.requiredMet[k] = requiredMet[i];
    out.metCount[k] = metCount[i];
    out.qualified[k] = qualified[i];
  }
  markSharedRanks({ length: n, qualified: out.qualified, scores: out.scores }, n, out.ranks, out.tied);
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

/** One candidate of a ranking's leading rows, as the leading-candidates statement returns it (already in ranking order). */
export interface LeadingRow {
  educatorId: string;
  score: number;
  requiredMet: number;
  metCount: number;
  qualified: boolean;
}

/**
 * A ranking's first `held` candidates from rows already in ranking order. `rows` may hold one candidate more than
 * `held`: it only tells whether the last held candidate shares its rank with the next one.
 */
export function leadingRanking(rows: readonly LeadingRow[], held: number, total: number, qualifiedCount: number): FullRanking {
  if (held > rows.length) throw new Error(`Cannot hold ${held} candidates from ${rows.length} rows`);
  const columns = {
    length: rows.length,
    qualified: rows.map((r) => (r.qualified ? 1 : 0)),
    scores: rows.map((r) => r.score),
  };
  const out = rankingOf(held, total, qualifiedCount);
  for (let k = 0; k < held; k++) {
    const r = rows[k];
    out.ids.set(k, r.educatorId);
    out.scores[k] = r.score;
    out.requiredMet[k] = r.requiredMet;
    out.metCount[k] = r.metCount;
    out.qualified[k] = r.qualified ? 1 : 0;
  }
  markSharedRanks(columns, held, out.ranks, out.tied);
  return out;
}
