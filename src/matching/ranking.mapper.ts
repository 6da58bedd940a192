import { isoOfDay, isTrustedAs } from './domain/evidence-rules.js';
import { gapsOf, requirementSummary, serviceSummary, verifiableItems, type GapRemedy, type Voice } from './domain/explanation.js';
import type { ScoringPolicyValues } from './domain/scoring-policy.js';
import type { CandidateScore, ItemCredit, RequirementScore } from './domain/scoring.js';
import type { EducatorRow, EvidenceDetails, RequirementRow, RoleRow } from './sql/matching.repository.js';
import type {
  CandidateExplanationModel,
  EvidenceCreditModel,
  GapRemedyModel,
  RequirementExplanationModel,
  RequirementGapModel,
  RoleStandingModel,
  ServiceExplanationModel,
} from './models/ranking.model.js';

export interface ExplainContext {
  role: RoleRow;
  policy: ScoringPolicyValues;
  policyVersion: number;
  asOf: string;
  details: Map<string, EvidenceDetails>;
  /** 'second' when the educator reads their own explanation. */
  voice?: Voice;
}

function requirementRow(role: RoleRow, r: RequirementScore): RequirementRow {
  return role.requirements.find((q) => q.requirementId === r.spec.requirementId)!;
}

function evidenceCredit(i: ItemCredit, details: EvidenceDetails | undefined, policy: ScoringPolicyValues): EvidenceCreditModel {
  return {
    evidenceId: i.fact.evidenceId,
    kind: i.fact.kind,
    pilotPart: i.fact.pilotPart,
    scoringKind: i.scoringKind,
    title: details?.title ?? '',
    status: i.fact.status,
    trusted: isTrustedAs(i.fact.status, policy.qualifyingStatus),
    startedOn: details?.startedOn ?? null,
    endedOn: details?.endedOn ?? null,
    issuedOn: details?.issuedOn ?? null,
    expiresOn: details?.expiresOn ?? (i.fact.expiresDay === null ? null : isoOfDay(i.fact.expiresDay)),
    expired: i.state === 'EXPIRED',
    claimedLevel: i.fact.claimedLevel,
    countedLevel: i.countedLevel,
    cappedByAttendance: i.cappedByAttendance,
    kindWeight: i.kindWeight,
    verificationFactor: i.verificationFactor,
    ageFactor: Math.round(i.ageFactor * 1000) / 1000,
    levelFactor: Math.round(i.levelFactor * 1000) / 1000,
    credit: i.creditPermille / 1000,
    points: i.points,
  };
}

export function requirementExplanations(c: CandidateScore, x: ExplainContext): RequirementExplanationModel[] {
  return c.requirements.map((r) => {
    const row = requirementRow(x.role, r);
    return {
      requirementId: r.spec.requirementId,
      competencyId: r.spec.competencyId,
      competencyCode: row.competencyCode,
      competencyName: row.competencyName,
      kind: r.spec.kind,
      weight: r.spec.weight,
      maxPoints: r.maxPoints,
      requiredLevel: r.spec.minLevel,
      demonstratedLevel: r.demonstratedLevel,
      met: r.met,
      untrustedLevel: r.untrustedLevel,
      metOnceVerified: r.metOnceVerified,
      metOnceVerifiedEvidenceIds: ids(verifiableItems(r, x.policy)),
      contribution: r.points,
      summary: requirementSummary(r, row.competencyName, x.policy, x.voice),
      evidence: r.items.map((i) => evidenceCredit(i, x.details.get(i.fact.evidenceId), x.policy)),
    };
  });
}

const ids = (items: readonly ItemCredit[]): string[] => [...new Set(items.map((i) => i.fact.evidenceId))];

export function serviceExplanation(c: CandidateScore): ServiceExplanationModel | null {
  return c.service ? { ...c.service, summary: serviceSummary(c.service) } : null;
}

function overallSummary(c: CandidateScore, fte: number, overextended: boolean, threshold: number, voice: Voice = 'third'): string {
  if (voice === 'second') {
    const serviceNote = c.service && !c.service.met ? ', and you do not yet have the years of service the role asks for' : '';
    const head = c.qualified
      ? `You are qualified: you meet ${c.requiredTotal === 0 ? 'the role, which has no required competencies' : `all ${c.requiredTotal} required competencies`} on trusted evidence.`
      : `You are not qualified yet: you meet ${c.requiredMet} of ${c.requiredTotal} required competencies on trusted evidence${serviceNote}.`;
    const load = overextended
      ? ` You already hold hybrid roles of ${fte} FTE, at or above the ${threshold} FTE overextension threshold.`
      : '';
    return `${head} Your score is ${c.score} of ${c.maxScore}.${load}`;
  }
  const serviceNote = c.service && !c.service.met ? ' and not the years of service the role asks for' : '';
  const head = c.qualified
    ? `Qualified: meets ${c.requiredTotal === 0 ? 'the role, which has no required competencies' : `all ${c.requiredTotal} required competencies`}.`
    : `Not qualified: meets ${c.requiredMet} of ${c.requiredTotal} required competencies${serviceNote}.`;
  const load = overextended ? ` Already holds hybrid roles of ${fte} FTE, at or above the ${threshold} FTE overextension threshold.` : '';
  return `${head} Score ${c.score} of ${c.maxScore}.${load}`;
}

export function candidateExplanation(
  c: CandidateScore,
  educator: EducatorRow,
  x: ExplainContext,
  load: { fte: number; overextended: boolean; threshold: number },
): CandidateExplanationModel {
  return {
    roleId: x.role.id,
    educatorId: c.educatorId,
    fullName: educator.fullName,
    buildingId: educator.buildingId,
    score: c.score,
    maxScore: c.maxScore,
    qualified: c.qualified,
    requiredMet: c.requiredMet,
    requiredTotal: c.requiredTotal,
    overextended: load.overextended,
    commitmentsFte: load.fte,
    summary: overallSummary(c, load.fte, load.overextended, load.threshold, x.voice),
    requirements: requirementExplanations(c, x),
    yearsOfService: serviceExplanation(c),
    policyVersion: x.policyVersion,
    asOf: x.asOf,
  };
}

const wayModels = new WeakMap<readonly GapRemedy[], GapRemedyModel[]>();

/** Remedy lists are shared per policy and level, so their models are too. */
/** A remedy is a kind of evidence at a level: the same pair is the same remedy in every gap of every role. */
const remedyId = (w: GapRemedy) => `${w.scoringKind}@${w.level}`;

function waysOf(remedies: readonly GapRemedy[]): GapRemedyModel[] {
  let ways = wayModels.get(remedies);
  if (!ways) {
    ways = remedies.map((w) => ({
      id: remedyId(w),
      kind: w.kind,
      pilotPart: w.pilotPart,
      scoringKind: w.scoringKind,
      level: w.level,
      kindWeight: w.kindWeight,
    }));
    wayModels.set(remedies, ways);
  }
  return ways;
}

export function gapModels(c: CandidateScore, x: ExplainContext): RequirementGapModel[] {
  const names = new Map(x.role.requirements.map((r) => [r.competencyId, r]));
  return gapsOf(c, (id) => names.get(id)?.competencyName ?? id, x.policy).map((g) => {
    const row = names.get(g.spec.competencyId)!;
    return {
      requirementId: g.spec.requirementId,
      competencyId: g.spec.competencyId,
      competencyCode: row.competencyCode,
      competencyName: row.competencyName,
      kind: g.spec.kind,
      levelHeld: g.levelHeld,
      levelNeeded: g.levelNeeded,
      ways: waysOf(g.remedies),
      renewableEvidenceIds: ids(g.renewable),
      metOnceVerified: g.verifiable.length > 0,
      metOnceVerifiedEvidenceIds: ids(g.verifiable),
      summary: g.summary,
    };
  });
}

/**
 * One role in a standing. Its gaps refer to remedies by id; the remedies themselves are added to `remedies`, which the
 * standing lists once for its page (a standing over hundreds of roles would otherwise repeat the same few thousands of times).
 */
export function roleStanding(c: CandidateScore, x: ExplainContext, remedies: Map<string, GapRemedyModel>): RoleStandingModel {
  const gaps = gapModels(c, x).map(({ ways, ...gap }) => {
    for (const w of ways) remedies.set(w.id, w);
    return { ...gap, remedyIds: ways.map((w) => w.id) };
  });
  return {
    roleId: x.role.id,
    roleTitle: x.role.title,
    buildingId: x.role.buildingId,
    roleFte: x.role.roleFte,
    closingDate: x.role.closingDate,
    qualified: c.qualified,
    score: c.score,
    maxScore: c.maxScore,
    requiredMet: c.requiredMet,
    requiredTotal: c.requiredTotal,
    gapCount: gaps.length,
    gaps,
    requirements: c.requirements.map((r) => {
      const row = requirementRow(x.role, r);
      return {
        requirementId: r.spec.requirementId,
        competencyId: r.spec.competencyId,
        competencyCode: row.competencyCode,
        competencyName: row.competencyName,
        kind: r.spec.kind,
        requiredLevel: r.spec.minLevel,
        demonstratedLevel: r.demonstratedLevel,
        met: r.met,
        contribution: r.points,
        maxPoints: r.maxPoints,
        untrustedLevel: r.untrustedLevel,
        metOnceVerified: r.metOnceVerified,
        metOnceVerifiedEvidenceIds: ids(verifiableItems(r, x.policy)),
      };
    }),
    yearsOfService: serviceExplanation(c),
  };
}
