import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { assertMayView, Subject } from '../access/visibility.js';
import { VisibilityService } from '../access/visibility.service.js';
import { notFound } from '../common/app-error.js';
import { encodeCursor, toPage } from '../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { districtToday } from '../common/clock.js';
import { dayOf, type ClaimFact } from './domain/evidence-rules.js';
import { isOverextended } from './domain/ranking.js';
import { effectiveOverextensionThreshold, type ScoringPolicyValues } from './domain/scoring-policy.js';
import { countingCompetencies, maxPointsOf, scoreCandidate, type RoleSpec } from './domain/scoring.js';
import { MatchingRepository, type DetailedFact, type EvidenceDetails, type RoleRow } from './sql/matching.repository.js';
import type { Voice } from './domain/explanation.js';
import { candidateExplanation, roleStanding, type ExplainContext } from './ranking.mapper.js';
import type { CandidateExplanationModel, EducatorStandingModel, GapRemedyModel, RankedCandidateModel, RoleRankingModel } from './models/ranking.model.js';
import { policyValuesOf } from './scoring-policy.mapper.js';
import { ScoringPolicyService } from './scoring-policy.service.js';

/** Which page of a standing: roles in standing order, optionally only those qualified for. */
export interface StandingPage {
  first: number;
  offset: number;
  qualifiedOnly: boolean;
}

export interface RankingOptions {
  first: number;
  offset: number;
  qualifiedOnly: boolean;
  buildingId?: string | null;
}

interface Scope {
  role: RoleRow;
  spec: RoleSpec;
  policy: ScoringPolicyValues;
  policyId: string;
  policyVersion: number;
  threshold: number;
  asOf: string;
  ctx: { policy: ScoringPolicyValues; asOfDay: number; asOf: string };
}

const roleSpecOf = (role: RoleRow): RoleSpec => ({ roleId: role.id, minYearsOfService: role.minYearsOfService, requirements: role.requirements });

function groupByCompetency(facts: Iterable<ClaimFact>): Map<string, ClaimFact[]> {
  const out = new Map<string, ClaimFact[]>();
  for (const f of facts) {
    const list = out.get(f.competencyId);
    if (list) list.push(f);
    else out.set(f.competencyId, [f]);
  }
  return out;
}

/**
 * A candidate's facts (grouped by competency) in the order of the role's requirements (a role names each competency
 * once); a requirement also takes the claims on competencies crosswalked to it.
 */
function byRequirement(role: RoleSpec, byCompetency: ReadonlyMap<string, ClaimFact[]>): ClaimFact[][] {
  return role.requirements.map((r) => {
    const ids = countingCompetencies(r);
    return ids.length === 1 ? (byCompetency.get(r.competencyId) ?? []) : ids.flatMap((id) => byCompetency.get(id) ?? []);
  });
}

/** The role's requirements with the competencies that exactMatchOf crosswalks map to each. */
function withCrosswalks(spec: RoleSpec, matches: ReadonlyMap<string, string[]>): RoleSpec {
  if (!matches.size) return spec;
  return { ...spec, requirements: spec.requirements.map((r) => (matches.has(r.competencyId) ? { ...r, viaCrosswalk: matches.get(r.competencyId) } : r)) };
}

/**
 * Ranking, explanation and standing. Everything reads one snapshot: the ranking pass orders every candidate
 * inside the database (sql/ranking.sql.ts) and returns one page; that page is then explained by the domain from
 * one batched read, so the explanation and the order come from the same rules and the same data.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly repo: MatchingRepository,
    private readonly policies: ScoringPolicyService,
    private readonly visibility: VisibilityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async roleRanking(viewer: Principal, roleId: string, opts: RankingOptions): Promise<RoleRankingModel> {
    assertMayView(viewer, Subject.ROLE_RANKING, {}, 'Role', roleId);
    return this.repo.snapshot((m) => this.rankIn(m, roleId, opts));
  }

  /** The ranking inside a caller's snapshot (saving a run uses this too). */
  async rankIn(m: EntityManager, roleId: string, opts: RankingOptions): Promise<RoleRankingModel & { policyId: string }> {
    const scope = await this.scope(m, roleId);
    if (opts.buildingId && !(await this.repo.buildingExists(m, opts.buildingId))) throw notFound('Building', opts.buildingId);
    const { role } = scope;
    const page = await this.repo.rankPage(m, {
      role: scope.spec, policy: scope.policy, asOf: scope.asOf, buildingId: opts.buildingId, qualifiedOnly: opts.qualifiedOnly,
      first: opts.first, offset: opts.offset,
    });
    const nodes = (await this.explainMany(m, scope, page.keys.map((k) => k.educatorId))).map((c, i): RankedCandidateModel => ({
      ...c, rank: page.ranks[i].rank, tied: page.ranks[i].tied, position: opts.offset + i + 1,
    }));
    const end = opts.offset + nodes.length;
    return {
      roleId: role.id,
      roleTitle: role.title,
      policyVersion: scope.policyVersion,
      policyId: scope.policyId,
      asOf: scope.asOf,
      overextensionFteThreshold: scope.threshold,
      maxScore: role.requirements.reduce((s, r) => s + maxPointsOf(r.weight), 0),
      totalCount: page.total,
      qualifiedCount: page.qualifiedCount,
      nodes,
      pageInfo: { hasNextPage: end < page.total, endCursor: nodes.length ? encodeCursor(end) : null },
    };
  }

  /**
   * Explanations for several educators against one role, inside the caller's snapshot, from one batched read
   * whatever their number (the comparison explains candidates missing from the saved run this way). The caller
   * has already decided the viewer may see them.
   */
  async explainIn(m: EntityManager, role: RoleRow, educatorIds: string[]): Promise<CandidateExplanationModel[]> {
    return this.explainMany(m, await this.scope(m, role.id, role), educatorIds);
  }

  /** Explanations of some educators against one role by id, inside the caller's transaction (new-role alerts). */
  async explainForRole(m: EntityManager, roleId: string, educatorIds: string[]): Promise<CandidateExplanationModel[]> {
    return this.explainMany(m, await this.scope(m, roleId), educatorIds);
  }

  /** Full explanations for some educators, in the given order, from one batched read. */
  private async explainMany(m: EntityManager, scope: Scope, educatorIds: string[], voice: Voice = 'third'): Promise<CandidateExplanationModel[]> {
    if (!educatorIds.length) return [];
    const competencyIds = scope.spec.requirements.flatMap(countingCompetencies);
    const educators = await this.repo.candidates(m, educatorIds, scope.asOf);
    const facts = await this.repo.detailedFacts(m, { competencyIds, asOf: scope.asOf, educatorIds });
    const educatorById = new Map(educators.map((e) => [e.id, e]));
    const factsByEducator = new Map<string, DetailedFact[]>();
    for (const f of facts) {
      const list = factsByEducator.get(f.educatorId);
      if (list) list.push(f);
      else factsByEducator.set(f.educatorId, [f]);
    }
    const x = { ...this.explainContext(scope, facts), voice };
    return educatorIds.map((id) => {
      const educator = educatorById.get(id)!;
      const c = scoreCandidate(scope.spec, { educatorId: id, hireDate: educator.hireDate, factsByRequirement: byRequirement(scope.spec, groupByCompetency(factsByEducator.get(id) ?? [])) }, scope.ctx, true);
      const load = educator.commitmentsFte;
      return candidateExplanation(c, educator, x, { fte: load, overextended: isOverextended(load, scope.threshold), threshold: scope.threshold });
    });
  }

  private explainContext(scope: Scope, facts: DetailedFact[]): ExplainContext {
    const details = new Map<string, EvidenceDetails>(facts.map((f) => [f.evidenceId, f.details]));
    return { role: scope.role, policy: scope.policy, policyVersion: scope.policyVersion, asOf: scope.asOf, details };
  }

  private async scope(m: EntityManager, roleId: string, roleRow?: RoleRow): Promise<Scope> {
    const role = roleRow ?? (await this.repo.role(m, roleId));
    if (!role) throw notFound('Role', roleId);
    const policyEntity = await this.policies.current(m);
    const policy = policyValuesOf(policyEntity);
    const asOf = districtToday();
    const matches = await this.repo.exactMatches(m, role.requirements.map((r) => r.competencyId));
    return {
      role,
      spec: withCrosswalks(roleSpecOf(role), matches),
      policy,
      policyId: policyEntity.id,
      policyVersion: policyEntity.version,
      threshold: effectiveOverextensionThreshold(policy, this.config.overextensionFteThreshold),
      asOf,
      ctx: { policy, asOfDay: dayOf(asOf), asOf },
    };
  }

  /**
   * "My explanation": the educator's own full explanation for one OPEN role, addressed to them, with every
   * item's verification status (and whether it is trusted enough to meet a requirement). Other roles: NOT_FOUND.
   */
  async myExplanation(viewer: Principal, roleId: string): Promise<CandidateExplanationModel> {
    const educatorId = viewer.educatorId;
    if (!educatorId) throw notFound('Educator profile for this account');
    return this.repo.snapshot(async (m) => {
      const role = await this.repo.role(m, roleId);
      if (!role || role.status !== 'OPEN') throw notFound('Role', roleId);
      if (!(await this.repo.educator(m, educatorId))) throw notFound('Educator', educatorId);
      const [explained] = await this.explainMany(m, await this.scope(m, roleId, role), [educatorId], 'second');
      return explained;
    });
  }

  /** Whoever may see the educator's private data (the visibility table); others get NOT_FOUND. */
  async explainCandidate(viewer: Principal, roleId: string, educatorId: string): Promise<CandidateExplanationModel> {
    if (!(await this.visibility.canSeeEducator(viewer, educatorId))) throw notFound('Educator', educatorId);
    return this.repo.snapshot(async (m) => {
      const role = await this.repo.role(m, roleId);
      if (!role) throw notFound('Role', roleId);
      assertMayView(viewer, Subject.ROLE_EXPLAINED, { rolePublished: role.status !== 'DRAFT' }, 'Role', roleId);
      if (!(await this.repo.educator(m, educatorId))) throw notFound('Educator', educatorId);
      const [explained] = await this.explainMany(m, await this.scope(m, roleId, role), [educatorId]);
      return explained;
    });
  }

  /**
   * Every OPEN role for one educator: qualified or not, score and gaps. HR or the educator themself.
   * Two independent reads run in parallel (no shared snapshot needed: each role is judged on the same facts):
   * the open roles with the current policy (usually from memory, after one freshness test), and the educator
   * with their claims.
   */
  async standing(viewer: Principal, educatorId: string, page: StandingPage = { first: 20, offset: 0, qualifiedOnly: false }): Promise<EducatorStandingModel> {
    if (!(await this.visibility.canSeeEducator(viewer, educatorId))) throw notFound('Educator', educatorId);
    const asOf = districtToday();
    const m = await this.repo.readManager();
    const [{ roles, policy }, { educator, facts }] = await Promise.all([
      this.repo.openRolesAndPolicy(m),
      this.repo.educatorWithFacts(m, educatorId, asOf),
    ]);
    if (!educator) throw notFound('Educator', educatorId);
    // Crosswalks are read fresh (not cached with the open roles): an exactMatchOf added by HR counts at once.
    const matches = await this.repo.exactMatches(m, [...new Set(roles.flatMap((r) => r.requirements.map((q) => q.competencyId)))]);
    const ctx = { policy: policy.values, asOfDay: dayOf(asOf), asOf };
    const byCompetency = groupByCompetency(facts);
    // Every role is scored (the order and the counts need them all); only the page is explained.
    const scored = roles.map((role) => {
      const spec = withCrosswalks(roleSpecOf(role), matches);
      return { role, c: scoreCandidate(spec, { educatorId, hireDate: educator.hireDate, factsByRequirement: byRequirement(spec, byCompetency) }, ctx, true) };
    });
    scored.sort((a, b) => Number(b.c.qualified) - Number(a.c.qualified) || b.c.score - a.c.score
      || (a.role.title < b.role.title ? -1 : a.role.title > b.role.title ? 1 : 0) || (a.role.id < b.role.id ? -1 : 1));
    const qualifiedCount = scored.filter((s) => s.c.qualified).length;
    const listed = page.qualifiedOnly ? scored.filter((s) => s.c.qualified) : scored;
    const details = new Map<string, EvidenceDetails>(facts.map((f) => [f.evidenceId, f.details]));
    const remedies = new Map<string, GapRemedyModel>();
    const nodes = listed.slice(page.offset, page.offset + page.first)
      .map(({ role, c }) => roleStanding(c, { role, policy: policy.values, policyVersion: policy.version, asOf, details }, remedies));
    const { pageInfo } = toPage(nodes, listed.length, page.offset);
    return { educatorId, policyVersion: policy.version, asOf, qualifiedCount, totalCount: listed.length, pageInfo, roles: nodes, remedies: [...remedies.values()] };
  }

}
