import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { assertMayView, Subject } from '../access/visibility.js';
import { VisibilityService } from '../access/visibility.service.js';
import { badInput, notFound } from '../common/app-error.js';
import { MatchingReason } from './domain/matching-reason.js';
import { encodeCursor } from '../common/pagination.js';
import { HeavyWorkLimiter } from '../common/heavy/heavy-work.js';
import { CacheMetrics } from '../common/cache-metrics.js';
import { CachedRanking, holdsPage, RankingCache } from './ranking-cache.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { districtToday } from '../common/clock.js';
import { dayOf, type ClaimFact } from './domain/evidence-rules.js';
import { isOverextended } from './domain/ranking.js';
import { effectiveOverextensionThreshold, type ScoringPolicyValues } from './domain/scoring-policy.js';
import { countingCompetencies, maxPointsOf, scoreCandidate, type RoleSpec } from './domain/scoring.js';
import { MatchingRepository, type DetailedFact, type EvidenceDetails, type RoleRow } from './sql/matching.repository.js';
import type { Voice } from './domain/explanation.js';
import { candidateExplanation, type ExplainContext } from './ranking.mapper.js';
import type { CandidateExplanationModel, RankedCandidateModel, RoleRankingModel } from './models/ranking.model.js';
import { policyValuesOf } from './scoring-policy.mapper.js';
import { ScoringPolicyService } from './scoring-policy.service.js';

export interface RankingOptions {
  first: number;
  offset: number;
  qualifiedOnly: boolean;
  buildingId?: string | null;
  /**
   * false: the page's candidates carry only what the ranking itself holds (RANKING_KEY_FIELDS), not their
   * explanations, for a query that asks for nothing more. Cached rankings only; default true.
   */
  explain?: boolean;
}

/** The fields of a ranked candidate that a ranking holds without explaining anyone. */
export const RANKING_KEY_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'roleId',
  'educatorId',
  'score',
  'maxScore',
  'qualified',
  'requiredMet',
  'requiredTotal',
  'policyVersion',
  'asOf',
  'rank',
  'tied',
  'position',
]);

/**
 * Past this many candidates a ranking is computed whole: moving and ordering every candidate in process (one packed
 * value) costs less than the database keeping a bounded sort that deep.
 */
const WHOLE_RANKING_FROM = 10_000;

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

export const roleSpecOf = (role: RoleRow): RoleSpec => ({
  roleId: role.id,
  minYearsOfService: role.minYearsOfService,
  requirements: role.requirements,
});

export function groupByCompetency(facts: Iterable<ClaimFact>): Map<string, ClaimFact[]> {
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
export function byRequirement(role: RoleSpec, byCompetency: ReadonlyMap<string, ClaimFact[]>): ClaimFact[][] {
  return role.requirements.map((r) => {
    const ids = countingCompetencies(r);
    return ids.length === 1 ? (byCompetency.get(r.competencyId) ?? []) : ids.flatMap((id) => byCompetency.get(id) ?? []);
  });
}

/** The role's requirements with the competencies that exactMatchOf crosswalks map to each. */
export function withCrosswalks(spec: RoleSpec, matches: ReadonlyMap<string, string[]>): RoleSpec {
  if (!matches.size) return spec;
  return {
    ...spec,
    requirements: spec.requirements.map((r) => (matches.has(r.competencyId) ? { ...r, viaCrosswalk: matches.get(r.competencyId) } : r)),
  };
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
    private readonly heavy: HeavyWorkLimiter,
    @Optional() private readonly metrics?: CacheMetrics,
  ) {
    this.cache = new RankingCache(config.rankingCacheEntries);
  }

  /** Computed rankings of this instance (see roleRanking). */
  readonly cache: RankingCache;

  /**
   * A page of a role's ranking. The ranking's leading candidates (RANKING_CACHE_DEPTH of them, or as many as the
   * page needs, twice over) are computed once per (role, building, district day) and kept in memory with the snapshot
   * they were read in; the policy version and every datum they depend on are covered by the change logs, so a later
   * page within them (or the same one again) is served from memory while rankingInputsUnchangedSince says nothing
   * changed: one small statement for a page already explained, one snapshot explaining the page's candidates
   * otherwise. A page past them computes a deeper ranking. Computing a ranking is heavy work (HeavyWorkLimiter);
   * concurrent first requests share one computation.
   */
  async roleRanking(viewer: Principal, roleId: string, opts: RankingOptions): Promise<RoleRankingModel> {
    assertMayView(viewer, Subject.ROLE_RANKING, {}, 'Role', roleId);
    if (!this.cache.enabled) return this.heavy.run(() => this.repo.snapshot((m) => this.rankIn(m, roleId, opts)));
    const key = RankingCache.keyOf(roleId, opts.buildingId, districtToday());
    const cached = this.cache.get(key);
    if (cached?.holds(opts.first, opts.offset, opts.qualifiedOnly)) {
      const answer = await this.fromCache(cached, opts);
      this.metrics?.cacheLookup('ranking', !!answer);
      if (answer) return answer;
      this.cache.drop(key, cached);
    } else {
      this.metrics?.cacheLookup('ranking', false);
    }
    const depth = this.depthFor(opts);
    const { entry, joined } = this.cache.computeOnce(key, depth, () =>
      this.heavy.run(() => this.repo.snapshot((m) => this.computeRanking(m, roleId, opts, depth))),
    );
    const computed = await entry;
    if (!joined) {
      const { start, end, total } = computed.bounds(opts.first, opts.offset, opts.qualifiedOnly);
      return this.answerOf(computed, opts.explain === false ? this.keysOf(computed, start, end) : computed.page(start, end)!, end, total);
    }
    // Another request computed it; a change since then (or a page it does not hold) means computing this page
    // afresh, outside the cache.
    return (
      (computed.holds(opts.first, opts.offset, opts.qualifiedOnly) ? await this.fromCache(computed, opts) : null) ??
      this.heavy.run(() => this.repo.snapshot((m) => this.rankIn(m, roleId, opts)))
    );
  }

  /**
   * Candidates to compute for a page: the configured depth, or twice the page's end so the next pages are held too;
   * the whole ranking (Infinity) when the depth is 0 or the page is deep enough that ordering everything in
   * process is cheaper than a deep bounded sort in the database.
   */
  private depthFor(opts: RankingOptions): number {
    const depth = Math.max(this.config.rankingCacheDepth, 2 * (opts.offset + opts.first));
    return !this.config.rankingCacheDepth || depth > WHOLE_RANKING_FROM ? Infinity : depth;
  }

  /** The page from a cached ranking, or null when something it was computed from has changed since. */
  private async fromCache(entry: CachedRanking<Scope>, opts: RankingOptions): Promise<RoleRankingModel | null> {
    const { start, end, total } = entry.bounds(opts.first, opts.offset, opts.qualifiedOnly);
    const nodes = opts.explain === false ? this.keysOf(entry, start, end) : entry.page(start, end);
    if (nodes)
      return (await this.repo.rankingInputsUnchangedSince(this.repo.manager, entry.snapshot))
        ? this.answerOf(entry, nodes, end, total)
        : null;
    return this.repo.snapshot(async (m) => {
      // Tested inside the snapshot that explains the page, so the explanation reads what the ranking read.
      if (!(await this.repo.rankingInputsUnchangedSince(m, entry.snapshot))) return null;
      const explained = await this.explainPage(m, entry, start, end);
      entry.keepPage(start, end, explained);
      return this.answerOf(entry, explained, end, total);
    });
  }

  /** The ranking `depth` candidates deep in one snapshot (the snapshot noted first), with the requested page explained. */
  private async computeRanking(m: EntityManager, roleId: string, opts: RankingOptions, depth: number): Promise<CachedRanking<Scope>> {
    const snapshot = await this.repo.currentSnapshot(m);
    const scope = await this.scope(m, roleId);
    if (opts.buildingId && !(await this.repo.buildingExists(m, opts.buildingId))) throw notFound('Building', opts.buildingId);
    const q = { role: scope.spec, policy: scope.policy, asOf: scope.asOf, buildingId: opts.buildingId };
    const ranking =
      depth === Infinity
        ? await this.repo.rankAll(m, q)
        : await this.repo.rankTop(m, q, depth, (r) => holdsPage(r, opts.first, opts.offset, opts.qualifiedOnly));
    const { role } = scope;
    const entry = new CachedRanking(
      {
        roleId: role.id,
        roleTitle: role.title,
        policyVersion: scope.policyVersion,
        asOf: scope.asOf,
        overextensionFteThreshold: scope.threshold,
        maxScore: role.requirements.reduce((s, r) => s + maxPointsOf(r.weight), 0),
      },
      ranking,
      snapshot,
      scope,
    );
    const { start, end } = entry.bounds(opts.first, opts.offset, opts.qualifiedOnly);
    if (opts.explain !== false) entry.keepPage(start, end, await this.explainPage(m, entry, start, end));
    return entry;
  }

  /**
   * A page of candidates as the ranking holds them, without explanations: only RANKING_KEY_FIELDS are present, for
   * a query that selects nothing else (the resolver decides), so the missing fields are never read.
   */
  private keysOf(entry: CachedRanking<Scope>, start: number, end: number): RankedCandidateModel[] {
    const { ranking, header } = entry;
    const requiredTotal = entry.scope.spec.requirements.filter((r) => r.kind === 'REQUIRED').length;
    const nodes: Array<
      Pick<
        RankedCandidateModel,
        | 'roleId'
        | 'educatorId'
        | 'score'
        | 'maxScore'
        | 'qualified'
        | 'requiredMet'
        | 'requiredTotal'
        | 'policyVersion'
        | 'asOf'
        | 'rank'
        | 'tied'
        | 'position'
      >
    > = [];
    for (let i = start; i < end; i++) {
      nodes.push({
        roleId: header.roleId,
        educatorId: ranking.ids.get(i),
        score: ranking.scores[i],
        maxScore: header.maxScore,
        qualified: ranking.qualified[i] === 1,
        requiredMet: ranking.requiredMet[i],
        requiredTotal,
        policyVersion: header.policyVersion,
        asOf: header.asOf,
        rank: ranking.ranks[i],
        tied: ranking.tied[i] === 1,
        position: i + 1,
      });
    }
    return nodes as RankedCandidateModel[];
  }

  private async explainPage(m: EntityManager, entry: CachedRanking<Scope>, start: number, end: number): Promise<RankedCandidateModel[]> {
    const { ranking } = entry;
    return (await this.explainMany(m, entry.scope, ranking.ids.slice(start, end))).map((c, i): RankedCandidateModel => ({
      ...c,
      rank: ranking.ranks[start + i],
      tied: ranking.tied[start + i] === 1,
      position: start + i + 1,
    }));
  }

  private answerOf(entry: CachedRanking<Scope>, nodes: RankedCandidateModel[], end: number, total: number): RoleRankingModel {
    return {
      ...entry.header,
      totalCount: total,
      qualifiedCount: entry.ranking.qualifiedCount,
      nodes,
      pageInfo: { hasNextPage: end < total, endCursor: nodes.length ? encodeCursor(end) : null },
    };
  }

  /** The ranking inside a caller's snapshot (saving a run uses this too). */
  async rankIn(m: EntityManager, roleId: string, opts: RankingOptions): Promise<RoleRankingModel & { policyId: string }> {
    const scope = await this.scope(m, roleId);
    if (opts.buildingId && !(await this.repo.buildingExists(m, opts.buildingId))) throw notFound('Building', opts.buildingId);
    const { role } = scope;
    const page = await this.repo.rankPage(m, {
      role: scope.spec,
      policy: scope.policy,
      asOf: scope.asOf,
      buildingId: opts.buildingId,
      qualifiedOnly: opts.qualifiedOnly,
      first: opts.first,
      offset: opts.offset,
    });
    const nodes = (
      await this.explainMany(
        m,
        scope,
        page.keys.map((k) => k.educatorId),
      )
    ).map((c, i): RankedCandidateModel => ({
      ...c,
      rank: page.ranks[i].rank,
      tied: page.ranks[i].tied,
      position: opts.offset + i + 1,
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
  private async explainMany(
    m: EntityManager,
    scope: Scope,
    educatorIds: string[],
    voice: Voice = 'third',
  ): Promise<CandidateExplanationModel[]> {
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
      const c = scoreCandidate(
        scope.spec,
        {
          educatorId: id,
          hireDate: educator.hireDate,
          factsByRequirement: byRequirement(scope.spec, groupByCompetency(factsByEducator.get(id) ?? [])),
        },
        scope.ctx,
        true,
      );
      const load = educator.commitmentsFte;
      return candidateExplanation(c, educator, x, {
        fte: load,
        overextended: isOverextended(load, scope.threshold),
        threshold: scope.threshold,
      });
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
    const matches = await this.repo.exactMatches(
      m,
      role.requirements.map((r) => r.competencyId),
    );
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
      await this.refuseLeaver(m, educatorId);
      const [explained] = await this.explainMany(m, await this.scope(m, roleId, role), [educatorId], 'second');
      return explained;
    });
  }

  /** From the leaving date an educator is explained no more (saved ranking runs keep what they said before). */
  private async refuseLeaver(m: EntityManager, educatorId: string): Promise<void> {
    const leftOn = await this.repo.leftOn(m, educatorId, districtToday());
    if (leftOn) {
      throw badInput(
        `This educator left the district on ${leftOn}: from the leaving date they are not ranked or explained. Saved ranking runs keep their explanations from before.`,
        { leftOn },
        MatchingReason.EDUCATOR_LEFT,
      );
    }
  }

  /** Whoever may see the educator's private data (the visibility table); others get NOT_FOUND. */
  async explainCandidate(viewer: Principal, roleId: string, educatorId: string): Promise<CandidateExplanationModel> {
    if (!(await this.visibility.canSeeEducator(viewer, educatorId))) throw notFound('Educator', educatorId);
    return this.repo.snapshot(async (m) => {
      const role = await this.repo.role(m, roleId);
      if (!role) throw notFound('Role', roleId);
      assertMayView(viewer, Subject.ROLE_EXPLAINED, { rolePublished: role.status !== 'DRAFT' }, 'Role', roleId);
      if (!(await this.repo.educator(m, educatorId))) throw notFound('Educator', educatorId);
      await this.refuseLeaver(m, educatorId);
      const [explained] = await this.explainMany(m, await this.scope(m, roleId, role), [educatorId]);
      return explained;
    });
  }
}
