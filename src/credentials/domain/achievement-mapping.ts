import { badInput } from '../../common/app-error.js';

/** Kinds an imported credential can become (pilots and PD need details no badge carries). */
export const MAPPABLE_KINDS = ['CERTIFICATION', 'COURSE', 'ARTIFACT', 'PRESENTATION'] as const;
export type MappableKind = (typeof MAPPABLE_KINDS)[number];

export type MappingMatch = 'ALIGNMENT' | 'ACHIEVEMENT_TYPE' | 'ACHIEVEMENT_ID';

/** HR's rule: an achievement matching `value` (an alignment's CASE item URI, an achievementType, or the achievement id) becomes this evidence. */
export interface AchievementMapping {
  match: MappingMatch;
  value: string;
  evidenceKind: MappableKind;
  /** Hours credited when the kind is COURSE. */
  hours?: number | null;
  claims: Array<{ competencyId: string; level: number }>;
}

export interface MappedEvidence {
  kind: MappableKind;
  hours: number | null;
  claims: Array<{ competencyId: string; level: number }>;
  /** Which rule applied, for the report; null when none did. */
  rule: string | null;
}

function achievementOf(credential: Record<string, unknown>): Record<string, unknown> {
  const subject = (Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject) as
    Record<string, unknown> | undefined;
  return (subject?.achievement ?? {}) as Record<string, unknown>;
}

export function achievementSummary(credential: Record<string, unknown>): {
  id: string;
  name: string;
  description: string;
  alignments: string[];
  type: string | null;
} {
  const a = achievementOf(credential);
  const alignments = (Array.isArray(a.alignment) ? a.alignment : [])
    .map((x) => (x as { targetUrl?: unknown }).targetUrl)
    .filter((u): u is string => typeof u === 'string');
  return {
    id: String(a.id ?? ''),
    name: String(a.name ?? credential.name ?? 'Credential'),
    description: typeof a.description === 'string' ? a.description : '',
    alignments,
    type: typeof a.achievementType === 'string' ? a.achievementType : null,
  };
}

/** The first of HR's rules (in their order) that the credential's achievement matches; none: a certification with no claims. */
export function mapAchievement(credential: Record<string, unknown>, mappings: readonly AchievementMapping[]): MappedEvidence {
  const a = achievementSummary(credential);
  for (const m of mappings) {
    const hit =
      (m.match === 'ACHIEVEMENT_ID' && a.id === m.value) ||
      (m.match === 'ACHIEVEMENT_TYPE' && a.type === m.value) ||
      (m.match === 'ALIGNMENT' && a.alignments.includes(m.value));
    if (hit) return { kind: m.evidenceKind, hours: m.hours ?? null, claims: m.claims, rule: `${m.match} ${m.value}` };
  }
  return { kind: 'CERTIFICATION', hours: null, claims: [], rule: null };
}

/** Checks HR's rules before they are stored. */
export function checkMappings(mappings: readonly AchievementMapping[]): AchievementMapping[] {
  return mappings.map((m, i) => {
    const at = `achievementMappings[${i}]`;
    if (!MAPPABLE_KINDS.includes(m.evidenceKind)) throw badInput(`${at}.evidenceKind must be one of ${MAPPABLE_KINDS.join(', ')}`);
    if (!m.value.trim()) throw badInput(`${at}.value is empty: give the CASE item URI, achievement type or achievement id to match`);
    if (m.evidenceKind === 'COURSE' && !(typeof m.hours === 'number' && m.hours > 0))
      throw badInput(`${at}.hours must be > 0 for a COURSE`);
    const seen = new Set<string>();
    for (const c of m.claims) {
      if (seen.has(c.competencyId)) throw badInput(`${at} names competency ${c.competencyId} twice`);
      seen.add(c.competencyId);
    }
    return {
      match: m.match,
      value: m.value.trim(),
      evidenceKind: m.evidenceKind,
      hours: m.evidenceKind === 'COURSE' ? m.hours : null,
      claims: m.claims,
    };
  });
}
