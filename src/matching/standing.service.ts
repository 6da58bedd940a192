import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Principal } from '../access/persona.js';
import { VisibilityService } from '../access/visibility.service.js';
import { notFound } from '../common/app-error.js';
import { CacheMetrics } from '../common/cache-metrics.js';
import { districtToday } from '../common/clock.js';
import { toPage } from '../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dayOf, type ClaimFact } from './domain/evidence-rules.js';
import { rankingKeyOf, scoreCandidate, type RoleSpec, type ScoringContext } from './domain/scoring.js';
import type { ScoringPolicyValues } from './domain/scoring-policy.js';
import type { EducatorStandingModel, GapRemedyModel } from './models/ranking.model.js';
import { roleStanding } from './ranking.mapper.js';
import { byRequirement, groupByCompetency, roleSpecOf, withCrosswalks } from './ranking.service.js';
import { MatchingRepository, type EvidenceDetails, type RoleRow } from './sql/matching.repository.js';
import { CachedStanding, StandingCache } from './standing-cache.js';

/** Which page of a standing: roles in standing order, optionally only those qualified for. */
export interface StandingPage {
  first: number;
  offset: number;
  qualifiedOnly: boolean;
}

/** A standing scored and ordered over every open role: what any of its pages is built from. */
interface ScoredStanding {
  educatorId: string;
  hireDate: string;
  policyVersion: number;
  policy: ScoringPolicyValues;
  asOf: string;
  leftOn: string | null;
  ctx: ScoringContext & { asOf: string };
  /** Every open role in standing order: qualified first, then score, title and id. */
  roles: Array<{ role: RoleRow; spec: RoleSpec; qualified: boolean }>;
  qualifiedCount: number;
  byCompetency: Map<string, ClaimFact[]>;
  details: Map<string, EvidenceDetails>;
}

const byTitleThenId = (a: RoleRow, b: RoleRow) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1);

/** Each cached open role's spec, shared by every standing whose crosswalks do not touch the role. */
const plainSpecs = new WeakMap<RoleRow, RoleSpec>();

function specOf(role: RoleRow, matches: ReadonlyMap<string, string[]>): RoleSpec {
  if (role.requirements.some((r) => matches.has(r.competencyId))) return withCrosswalks(roleSpecOf(role), matches);
  let spec = plainSpecs.get(role);
  if (!spec) plainSpecs.set(role, (spec = roleSpecOf(role)));
  return spec;
}

/**
 * An educator's standing for every OPEN role: qualified or not, score and gaps, a page of roles at a time. HR or the
 * educator themself (the visibility table).
 *
 * One statement reads the educator (claims, crosswalks of what they claim, leaving date) and tests the open roles and
 * policy in memory (the open-roles cache) against the role log; they are read again only when they have changed. Every role is scored for the
 * order and the counts; only the page's roles are explained (items, gaps, remedies). The scored standing is kept per
 * educator and district day with the snapshots of both reads, and the pages built from it with it; a later request is
 * one statement (no change in the data log since the educator's read, none in the role log since the roles' read) and
 * the page from memory, or built from the scored standing.
 */
@Injectable()
export class StandingService {
  /** Scored standings of this instance (see standing). */
  readonly cache: StandingCache<ScoredStanding>;

  constructor(
    private readonly repo: MatchingRepository,
    private readonly visibility: VisibilityService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() private readonly metrics?: CacheMetrics,
  ) {
    this.cache = new StandingCache(config.standingCacheEntries);
  }

  async standing(
    viewer: Principal,
    educatorId: string,
    page: StandingPage = { first: 20, offset: 0, qualifiedOnly: false },
  ): Promise<EducatorStandingModel> {
    if (!(await this.visibility.canSeeEducator(viewer, educatorId))) throw notFound('Educator', educatorId);
    const asOf = districtToday();
    const key = StandingCache.keyOf(educatorId, asOf);
    const pageKey = `${page.first}:${page.offset}:${page.qualifiedOnly}`;
    const cached = this.cache.enabled ? this.cache.get(key) : undefined;
    if (cached) {
      const fresh = await this.repo.standingInputsUnchangedSince(this.repo.manager, cached.dataSnapshot, cached.rolesSnapshot);
      this.metrics?.cacheLookup('standing', fresh);
      if (fresh) return cached.page(pageKey) ?? cached.keepPage(pageKey, pageOf(cached.scored, page));
      this.cache.drop(key, cached);
    } else if (this.cache.enabled) {
      this.metrics?.cacheLookup('standing', false);
    }
    const m = await this.repo.readManager();
    const read = await this.repo.standingInputs(m, educatorId, asOf);
    if (!read.educator) throw notFound('Educator', educatorId);
    // The statement tested the open roles in memory too; only when they changed (or none were read yet) are they read.
    const { inputs, snapshot: rolesSnapshot } = read.openRoles ?? (await this.repo.openRolesAndPolicyWithSnapshot(m));
    const { roles, policy } = inputs;
    const ctx = { policy: policy.values, asOfDay: dayOf(asOf), asOf };
    const scored: ScoredStanding = {
      educatorId,
      hireDate: read.educator.hireDate,
      policyVersion: policy.version,
      policy: policy.values,
      asOf,
      leftOn: read.leftOn,
      ctx,
      roles: [],
      qualifiedCount: 0,
      byCompetency: groupByCompetency(read.facts),
      details: new Map(read.facts.map((f) => [f.evidenceId, f.details])),
    };
    // A leaver holds no standing from their leaving date (as in the ranking): the date says why the list is empty.
    if (!read.leftOn) {
      // Every role is scored without explanations (the order and the counts need them all).
      const keyed = roles.map((role) => {
        const spec = specOf(role, read.matches);
        const c = rankingKeyOf(
          spec,
          { educatorId, hireDate: scored.hireDate, factsByRequirement: byRequirement(spec, scored.byCompetency) },
          ctx,
        );
        return { role, spec, qualified: c.qualified, score: c.score };
      });
      keyed.sort((a, b) => Number(b.qualified) - Number(a.qualified) || b.score - a.score || byTitleThenId(a.role, b.role));
      scored.roles = keyed.map(({ role, spec, qualified }) => ({ role, spec, qualified }));
      scored.qualifiedCount = keyed.filter((k) => k.qualified).length;
    }
    const entry = new CachedStanding(read.snapshot, rolesSnapshot, scored);
    this.cache.set(key, entry);
    return entry.keepPage(pageKey, pageOf(scored, page));
  }
}

/** One page of a scored standing: its roles explained, their gaps' remedies listed once. */
function pageOf(s: ScoredStanding, page: StandingPage): EducatorStandingModel {
  // Qualified roles sort first, so the qualified ones are a prefix.
  const listed = page.qualifiedOnly ? s.roles.slice(0, s.qualifiedCount) : s.roles;
  const remedies = new Map<string, GapRemedyModel>();
  const nodes = listed.slice(page.offset, page.offset + page.first).map(({ role, spec }) => {
    const c = scoreCandidate(
      spec,
      { educatorId: s.educatorId, hireDate: s.hireDate, factsByRequirement: byRequirement(spec, s.byCompetency) },
      s.ctx,
      true,
    );
    return roleStanding(c, { role, policy: s.policy, policyVersion: s.policyVersion, asOf: s.asOf, details: s.details }, remedies);
  });
  const { pageInfo } = toPage(nodes, listed.length, page.offset);
  return {
    educatorId: s.educatorId,
    policyVersion: s.policyVersion,
    asOf: s.asOf,
    leftOn: s.leftOn,
    qualifiedCount: s.qualifiedCount,
    totalCount: listed.length,
    pageInfo,
    roles: nodes,
    remedies: [...remedies.values()],
  };
}
