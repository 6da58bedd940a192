/**
 * What a district leader sees of a capacity report: the same figures, except counts from 1 to `below - 1` (and the
 * shares and spreads computed from them) become null, meaning "fewer than `below`", and no named person's evidence.
 * Zero stays: "nobody in this building" identifies nobody, and it is the question leaders most need answered.
 */

const COUNT_KEYS = new Set([
  'educators',
  'covered',
  'atLevel',
  'atOrAboveTarget',
  'oneLevelShort',
  'furtherShort',
  'expertEvidence',
  'holders',
  'topThreeEvidence',
  'commitments',
  'educatorsCommitted',
  'topThreeCommitments',
  'overextendedCount',
]);
/** Figures computed from the counts beside them (FTE sums of a few people included): hidden with any of those counts. */
const RATIO_KEYS = new Set(['share', 'topThreeShare', 'topThreeFteShare', 'totalRoleFte', 'topThreeRoleFte']);
/** Lists that name individuals next to their evidence or commitments (`educators` when it is a list of people, as in overextension). */
const INDIVIDUAL_EVIDENCE_KEYS = new Set(['topHolders', 'topThree']);
const isPeopleList = (key: string, v: unknown): boolean => key === 'educators' && Array.isArray(v);

export const isSmall = (n: unknown, below: number): boolean => typeof n === 'number' && n > 0 && n < below;

export function hideSmallCounts<T>(report: T, below: number): T {
  return walk(report, below) as T;
}

function walk(value: unknown, below: number): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, below));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let hidden = false;
  for (const [key, v] of Object.entries(source)) {
    if (COUNT_KEYS.has(key) && isSmall(v, below)) {
      out[key] = null;
      hidden = true;
    } else if (INDIVIDUAL_EVIDENCE_KEYS.has(key) || isPeopleList(key, v)) {
      out[key] = [];
    } else {
      out[key] = walk(v, below);
    }
  }
  if (hidden) for (const key of RATIO_KEYS) if (key in out) out[key] = null;
  // A spread between two buildings is computed from their shares: gone with either of them.
  const spread = out.spread as { best?: { share?: unknown }; worst?: { share?: unknown } } | null | undefined;
  if (spread && typeof spread === 'object' && 'best' in spread && (spread.best?.share == null || spread.worst?.share == null))
    out.spread = null;
  return out;
}
