/*
 * src/matching/sql/: the scoring rules as SQL, the form production runs. The TypeScript in ../domain/ is the
 * reference model; these files must compute what it computes. Parity tests (run them after any change here):
 *   test/integration/ranking-sql.spec.ts          ranking order and scores equal rankingKeyOf on random districts
 *   test/integration/demonstrated-levels.spec.ts  demonstrated levels equal demonstratedLevel()
 *   test/integration/claim-facts.spec.ts           the claim facts the SQL reads equal claims joined with evidence
 *   src/matching/sql/ranking-example.spec.ts       the committed ranking.example.sql is what is generated today
 */
import { Injectable, Optional } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { CacheMetrics } from '../../common/cache-metrics.js';
import { ReadSource } from '../../common/read-source.js';
import {
  ageFromDaySql,
  CLAIMS_FROM,
  countingClaimConditions,
  expiresDaySql,
  startDaySql,
  type ClaimFilter,
} from './demonstrated-levels.repository.js';
import type { ClaimFact, EvidenceKind, PilotPart, VerificationStatus } from '../domain/evidence-rules.js';
import type { SharedRank } from '../domain/ranking.js';
import type { ScoringPolicyValues } from '../domain/scoring-policy.js';
import type { RankingKey, RequirementSpec } from '../domain/scoring.js';
import { buildRankingSql, canRankScoredOnly, type RankingQuery } from './ranking.sql.js';
import { leadingRanking, packedRankingSql, unpackRanking, type FullRanking, type LeadingRow } from './packed-ranking.js';
import { policyValuesOf } from '../scoring-policy.mapper.js';
import { ScoringPolicyRepository } from '../scoring-policy.repository.js';
import type { RoleStatus } from '../../roles/domain/role-status.js';
import type { RoleWithRequirements } from '../../roles/role-read-model.js';

/** The SQL behind ranking, explanations and standing. Counting rules come from the demonstrated-levels builders. */

/**
 * True when `log` (a change log: one row per writing transaction and source table, with its transaction id) holds no change that is
 * visible now and was not visible in `snapshot`. Written as "the first such xid in xid order is null" rather than
 * NOT EXISTS: PostgreSQL simplifies an EXISTS to "any row passing the filter" and, with a prepared statement's
 * generic plan (the snapshot is a parameter), estimates that a sequential scan finds one after a few rows; when
 * none is there it reads the whole log (130 ms for a log of 840,000 rows, on every cached ranking page). Ordered
 * by xid with a limit, the plan is the xid index from the snapshot's xmin, whatever the parameter.
 */
export function noChangeSince(log: 'matching_data_change' | 'matching_role_change', snapshot: string): string {
  return `(SELECT xid FROM ${log} WHERE xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)
    ORDER BY xid LIMIT 1) IS NULL`;
}

const OPEN = `r.status = 'OPEN'`;
/**
 * A cached answer read in snapshot $1 can be tested against a change log only if the snapshot saw every entry the
 * pruning job has deleted from that log: every transaction up to the newest deleted one had ended, or the deletion
 * itself had committed (ChangeLogHorizon migration). Otherwise it counts as stale.
 */
const SEEN_PRUNED = (log: 'matching_role_change' | 'matching_data_change', snapshot = '$1') =>
  `(SELECT pg_snapshot_xmin(${snapshot}::pg_snapshot) > h.pruned_through OR coalesce(pg_visible_in_snapshot(h.pruned_by, ${snapshot}::pg_snapshot), false)
    FROM change_log_horizon h WHERE h.log = '${log}')`;

export interface RequirementRow extends RequirementSpec {
  competencyCode: string;
  competencyName: string;
}

/** The roles module's role read model, each requirement carrying what scoring needs (crosswalks). */
export type RoleRow = RoleWithRequirements<RequirementRow>;

export interface EvidenceDetails {
  title: string;
  startedOn: string | null;
  endedOn: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export type DetailedFact = ClaimFact & { educatorId: string; details: EvidenceDetails };

export interface CurrentPolicy {
  id: string;
  version: number;
  values: ScoringPolicyValues;
}

export interface MatchingInputs {
  roles: RoleRow[];
  policy: CurrentPolicy;
}

/** One page of a ranking: keys in order, each with its shared rank (ranks[i] belongs to keys[i]). */
export interface RankedPage {
  keys: RankingKey[];
  ranks: SharedRank[];
  total: number;
  qualifiedCount: number;
}

/** A whole ranking in order, as parallel columns (compact: a 100,000-candidate ranking is a few megabytes). */
export type { FullRanking } from './packed-ranking.js';

export interface EducatorRow {
  id: string;
  fullName: string;
  buildingId: string;
  hireDate: string;
}

/** What a standing reads about one educator, all in one statement (one snapshot, returned with it). */
export interface StandingInputs {
  educator: EducatorRow | null;
  /** The leaving date when it is on or before the as-of day, else null. */
  leftOn: string | null;
  facts: DetailedFact[];
  /** Crosswalks (exactMatchOf, either direction) of the competencies the educator claims, as `exactMatches` gives them. */
  matches: Map<string, string[]>;
  /** The statement's snapshot: the data-log side of a cached standing's freshness test. */
  snapshot: string;
  /**
   * The open roles and policy in memory with their snapshot when the same statement found no role-log change since
   * it (so they are what this snapshot sees); null when there were none in memory or they have changed.
   */
  openRoles: { inputs: MatchingInputs; snapshot: string } | null;
}

@Injectable()
export class MatchingRepository {
  private inputsCache: { inputs: MatchingInputs; snapshot: string } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly policies: ScoringPolicyRepository = new ScoringPolicyRepository(db),
    @Optional() private readonly metrics?: CacheMetrics,
    @Optional() private readonly reads?: ReadSource,
  ) {}

  /** For reads that need no shared snapshot (they may run in parallel on separate connections). */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Like `manager`, on a replica that has caught up with the primary when there is one (standings). */
  async readManager(): Promise<EntityManager> {
    return this.reads ? (await this.reads.source()).source.manager : this.db.manager;
  }

  /**
   * Runs `work` in one read-only REPEATABLE READ transaction so every read sees the same snapshot: on a replica
   * that has replayed everything the primary had committed, else on the primary (the ReadSource, database's ReadRouter, decides).
   */
  async snapshot<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const source = this.reads ? (await this.reads.source()).source : this.db;
    const runner = source.createQueryRunner();
    await runner.connect();
    try {
      // One statement opens it (TypeORM's own transaction would take three round trips to say the same).
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const result = await work(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (err) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  async role(m: EntityManager, roleId: string): Promise<RoleRow | null> {
    return (await this.roles(m, 'r.id = $1', [roleId]))[0] ?? null;
  }

  /**
   * Every OPEN role with its requirements, and the current scoring policy. Kept in memory with the snapshot
   * they were read in and reused while no change to roles, requirements, competencies or policies has become
   * visible since (see the read-models migrations); callers must not modify what they get.
   */
  async openRolesAndPolicy(m: EntityManager): Promise<MatchingInputs> {
    return (await this.openRolesAndPolicyWithSnapshot(m)).inputs;
  }

  /**
   * openRolesAndPolicy with the snapshot the roles were read in: they are what that snapshot saw, and stay so while
   * the role log shows no change since it (a cached standing tests that).
   */
  async openRolesAndPolicyWithSnapshot(m: EntityManager): Promise<{ inputs: MatchingInputs; snapshot: string }> {
    const cached = this.inputsCache;
    if (cached) {
      const [[fresh]] = (await this.arrays(m, {
        name: 'matching_inputs_fresh',
        text: `SELECT ${SEEN_PRUNED('matching_role_change')} AND ${noChangeSince('matching_role_change', '$1')}`,
        values: [cached.snapshot],
      })) as boolean[][];
      this.metrics?.cacheLookup('open_roles', !!fresh);
      if (fresh) return cached;
    } else {
      this.metrics?.cacheLookup('open_roles', false);
    }
    const { roles, snapshot } = await this.rolesWithSnapshot(m, OPEN, []);
    // Read after the snapshot statement, so the policy is at least as new as the snapshot says; a newer one
    // only makes the next freshness test fail and reload.
    const entity = await this.policies.current(m);
    const inputs = { roles, policy: { id: entity.id, version: entity.version, values: policyValuesOf(entity) } };
    this.inputsCache = { inputs, snapshot: snapshot! };
    return this.inputsCache;
  }

  /**
   * Everything a standing reads about one educator in one prepared statement: the educator with their leaving date,
   * all their claims as `detailedFacts` gives them (expired ones included), the crosswalks of the competencies they
   * claim (a crosswalk can only matter through a claim), the statement's snapshot, and the open-roles cache's
   * freshness test (so a standing needs no statement of its own for the roles while they are unchanged). No rows: no
   * such educator.
   */
  async standingInputs(m: EntityManager, educatorId: string, asOf: string): Promise<StandingInputs> {
    const openRoles = this.inputsCache;
    const params: unknown[] = [educatorId];
    const conditions = countingClaimConditions({ asOf, includeExpired: true }, params, 'facts');
    const asOfParam = `$${params.length + 1}`;
    params.push(asOf);
    const rolesParam = `$${params.length + 1}`;
    params.push(openRoles?.snapshot ?? null);
    const rows = (await this.arrays(m, {
      name: 'matching_standing_inputs',
      text: `SELECT pg_current_snapshot()::text, ed.id, ed.full_name, ed.building_id, ed.hire_date::text,
         CASE WHEN ed.leaving_date <= ${asOfParam}::date THEN to_char(ed.leaving_date, 'YYYY-MM-DD') END,
         (SELECT array_agg(a.origin_competency_id::text || ' ' || a.destination_competency_id::text)
          FROM case_association a
          WHERE a.association_type = 'exactMatchOf' AND a.origin_competency_id IS NOT NULL AND a.destination_competency_id IS NOT NULL
            AND (a.origin_competency_id IN (SELECT c.competency_id FROM evidence_claim_fact c WHERE c.educator_id = $1)
              OR a.destination_competency_id IN (SELECT c.competency_id FROM evidence_claim_fact c WHERE c.educator_id = $1))),
         ${DETAILED_FACT_COLUMNS},
         CASE WHEN ${rolesParam}::text IS NULL THEN false
           ELSE coalesce(${SEEN_PRUNED('matching_role_change', rolesParam)} AND ${noChangeSince('matching_role_change', rolesParam)}, false) END
       FROM educator ed
       LEFT JOIN (${DETAILED_FACTS_FROM}) ON f.educator_id = ed.id AND ${conditions.join(' AND ')}
       WHERE ed.id = $1`,
      values: params,
    })) as unknown[][];
    if (!rows.length) return { educator: null, leftOn: null, facts: [], matches: new Map(), snapshot: '', openRoles: null };
    const [first] = rows;
    const rolesFresh = first[22] === true;
    // A stale cache is counted (and reloaded) by openRolesAndPolicyWithSnapshot.
    if (openRoles && rolesFresh) this.metrics?.cacheLookup('open_roles', true);
    const partners = new Map<string, Set<string>>();
    for (const pair of (first[6] as string[] | null) ?? []) {
      const [a, b] = pair.split(' ');
      if (a === b) continue;
      partners.set(a, (partners.get(a) ?? new Set()).add(b));
      partners.set(b, (partners.get(b) ?? new Set()).add(a));
    }
    const matches = new Map([...partners].map(([id, set]) => [id, [...set].sort()]));
    const facts: DetailedFact[] = [];
    for (const r of rows) {
      if (r[9] === null) continue;
      // The columns after the first seven are DETAILED_FACT_COLUMNS in order.
      const [educatorKey, competencyId, evidenceId, kind, pilotPart, status, level, startDay, ageDay, expiresDay] = r.slice(7);
      facts.push({
        ...factOf([educatorKey, competencyId, evidenceId, kind, pilotPart, status, level, startDay, ageDay, expiresDay]),
        educatorId: educatorKey as string,
        details: {
          title: r[17] as string,
          startedOn: r[18] as string | null,
          endedOn: r[19] as string | null,
          issuedOn: r[20] as string | null,
          expiresOn: r[21] as string | null,
        },
      });
    }
    return {
      educator: { id: first[1] as string, fullName: first[2] as string, buildingId: first[3] as string, hireDate: first[4] as string },
      leftOn: first[5] as string | null,
      facts,
      matches,
      snapshot: first[0] as string,
      openRoles: openRoles && rolesFresh ? openRoles : null,
    };
  }

  /**
   * Whether anything a standing read has changed: a change in the data log visible now and not in `dataSnapshot`
   * (the educator's statement), or in the role log and not in `rolesSnapshot` (the open roles it used). Exact.
   */
  async standingInputsUnchangedSince(m: EntityManager, dataSnapshot: string, rolesSnapshot: string): Promise<boolean> {
    const [[fresh]] = (await this.arrays(m, {
      name: 'matching_standing_fresh',
      text: `SELECT ${SEEN_PRUNED('matching_data_change', '$1')} AND ${SEEN_PRUNED('matching_role_change', '$2')}
               AND ${noChangeSince('matching_data_change', '$1')} AND ${noChangeSince('matching_role_change', '$2')}`,
      values: [dataSnapshot, rolesSnapshot],
    })) as boolean[][];
    return fresh;
  }

  /** Array rows straight from pg, on the manager's transaction connection when it has one, else on a pooled one. */
  private async arrays(m: EntityManager, query: { name?: string; text: string; values: unknown[] }): Promise<unknown[][]> {
    // QueryRunner.connect() hands out the driver's connection (a pg client), the public way to reach rowMode.
    const runner = m.queryRunner ?? m.connection.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      return (await client.query({ ...query, rowMode: 'array' })).rows;
    } finally {
      if (runner !== m.queryRunner) await runner.release();
    }
  }

  /**
   * Roles, their requirements and the competencies they name, in one statement (one snapshot) as text rows
   * tagged r / q / c: far fewer fields to parse than one wide row per requirement, which matters for the
   * 200-role standing.
   */
  private async roles(m: EntityManager, where: string, params: unknown[]): Promise<RoleRow[]> {
    return (await this.rolesWithSnapshot(m, where, params)).roles;
  }

  private async rolesWithSnapshot(m: EntityManager, where: string, params: unknown[]): Promise<{ roles: RoleRow[]; snapshot?: string }> {
    // The statement's own snapshot comes back as an 's' row, so what is cached and when it was true match exactly.
    const text = `SELECT 's', pg_current_snapshot()::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       UNION ALL
       SELECT 'r', r.id::text, r.title, r.status, r.building_id::text, r.role_fte::text, r.closing_date::text, r.min_years_of_service::text, r.openings::text
       FROM hybrid_role r WHERE ${where}
       UNION ALL
       SELECT 'q', rr.role_id::text, rr.id::text, rr.competency_id::text, rr.kind, rr.min_level::text, rr.weight::text, rr.position::text, NULL
       FROM role_requirement rr JOIN hybrid_role r ON r.id = rr.role_id WHERE ${where}
       UNION ALL
       SELECT 'c', c.id::text, c.code, c.name, NULL, NULL, NULL, NULL, NULL FROM competency c
       WHERE c.id IN (SELECT rr.competency_id FROM role_requirement rr JOIN hybrid_role r ON r.id = rr.role_id WHERE ${where})`;
    // A named (prepared) statement: the three-part plan is made once per connection.
    const rows = (await this.arrays(m, { name: `matching_roles_${where === OPEN ? 'open' : 'one'}`, text, values: params })) as Array<
      [string, string, string, string, string | null, string | null, string | null, string | null, string | null]
    >;
    const roles = new Map<string, RoleRow>();
    const competencies = new Map<string, { code: string; name: string }>();
    const requirements: Array<RequirementRow & { roleId: string; position: number }> = [];
    let snapshot: string | undefined;
    for (const [t, a, b, c, d, e, f, g, h] of rows) {
      if (t === 's') {
        snapshot = a;
      } else if (t === 'r') {
        roles.set(a, {
          id: a,
          title: b,
          status: c as RoleStatus,
          buildingId: d,
          roleFte: Number(e),
          closingDate: f,
          minYearsOfService: g === null ? null : Number(g),
          openings: Number(h),
          requirements: [],
        });
      } else if (t === 'c') {
        competencies.set(a, { code: b, name: c });
      } else {
        requirements.push({
          roleId: a,
          requirementId: b,
          competencyId: c,
          kind: d as RequirementRow['kind'],
          minLevel: Number(e),
          weight: Number(f),
          position: Number(g),
          competencyCode: '',
          competencyName: '',
        });
      }
    }
    requirements.sort((x, y) => x.position - y.position || (x.requirementId < y.requirementId ? -1 : 1));
    for (const { roleId, position: _position, ...r } of requirements) {
      const c = competencies.get(r.competencyId)!;
      roles.get(roleId)?.requirements.push({ ...r, competencyCode: c.code, competencyName: c.name });
    }
    return { roles: [...roles.values()].sort((x, y) => (x.title < y.title ? -1 : x.title > y.title ? 1 : x.id < y.id ? -1 : 1)), snapshot };
  }

  /**
   * For each of these competencies, the competencies an exactMatchOf crosswalk maps to it (either direction; direct
   * matches only, not chains). Its claims then count for requirements on it.
   */
  async exactMatches(m: EntityManager, competencyIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!competencyIds.length) return out;
    const rows: Array<{ competency: string; other: string }> = await m.query(
      `SELECT origin_competency_id AS competency, destination_competency_id AS other FROM case_association
        WHERE association_type = 'exactMatchOf' AND origin_competency_id = ANY($1::uuid[]) AND destination_competency_id IS NOT NULL
       UNION
       SELECT destination_competency_id, origin_competency_id FROM case_association
        WHERE association_type = 'exactMatchOf' AND destination_competency_id = ANY($1::uuid[]) AND origin_competency_id IS NOT NULL
       ORDER BY 1, 2`,
      [[...competencyIds]],
    );
    for (const r of rows) {
      if (r.competency === r.other) continue;
      out.set(r.competency, [...(out.get(r.competency) ?? []), r.other]);
    }
    return out;
  }

  /** The educator's leaving date (YYYY-MM-DD) when it is on or before `asOf`, else null: a leaver from that day. */
  async leftOn(m: EntityManager, educatorId: string, asOf: string): Promise<string | null> {
    const [row] = await m.query(
      `SELECT to_char(leaving_date, 'YYYY-MM-DD') AS "leftOn" FROM educator WHERE id = $1 AND leaving_date <= $2::date`,
      [educatorId, asOf],
    );
    return row?.leftOn ?? null;
  }

  async buildingExists(m: EntityManager, buildingId: string): Promise<boolean> {
    return (await m.query('SELECT 1 FROM building WHERE id = $1', [buildingId])).length > 0;
  }

  async educator(m: EntityManager, educatorId: string): Promise<EducatorRow | null> {
    return (await this.educators(m, [educatorId]))[0] ?? null;
  }

  async educators(m: EntityManager, ids: readonly string[]): Promise<EducatorRow[]> {
    if (!ids.length) return [];
    const rows: Array<Record<string, string>> = await m.query(
      `SELECT id, full_name, building_id, hire_date::text AS hire_date FROM educator WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, buildingId: r.building_id, hireDate: r.hire_date }));
  }

  /** Claims of a few educators (on these competencies, or all), expired ones included, with what an explanation shows. */
  async detailedFacts(m: EntityManager, f: ClaimFilter): Promise<DetailedFact[]> {
    if (f.competencyIds?.length === 0 || f.educatorIds?.length === 0) return [];
    const params: unknown[] = [];
    const conditions = countingClaimConditions({ ...f, includeExpired: true }, params, 'facts');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows from pg, read column by column
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT ${DETAILED_FACT_COLUMNS} FROM ${DETAILED_FACTS_FROM} WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return rows.map(detailedFactOf);
  }

  /** One educator (null when there is none) and all their claims as `detailedFacts` gives them, in one statement. */
  async educatorWithFacts(
    m: EntityManager,
    educatorId: string,
    asOf: string,
  ): Promise<{ educator: EducatorRow | null; facts: DetailedFact[] }> {
    const params: unknown[] = [educatorId];
    const conditions = countingClaimConditions({ asOf, includeExpired: true }, params, 'facts');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows from pg, read column by column
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT ed.id AS educator_key, ed.full_name, ed.building_id, ed.hire_date::text AS hire_date, ${DETAILED_FACT_COLUMNS}
       FROM educator ed
       LEFT JOIN (${DETAILED_FACTS_FROM}) ON f.educator_id = ed.id AND ${conditions.join(' AND ')}
       WHERE ed.id = $1`,
      params,
    );
    if (!rows.length) return { educator: null, facts: [] };
    const [r] = rows;
    return {
      educator: { id: r.educator_key, fullName: r.full_name, buildingId: r.building_id, hireDate: r.hire_date },
      facts: rows.filter((row) => row.id !== null).map(detailedFactOf),
    };
  }

  /**
   * One page of a role's ranking, computed in the database (see ranking.sql.ts), with the counts. When the
   * role allows it, candidates without counting claims are left out of the statement; a page reaching them
   * (rare: past every candidate with anything to show) is answered by the full statement instead.
   */
  async rankPage(m: EntityManager, q: RankingQuery): Promise<RankedPage> {
    if (canRankScoredOnly(q.role)) {
      const { aheadOfZero, ...fast } = await this.runRanking(m, { ...q, scoredOnly: true });
      if (q.qualifiedOnly || q.offset + q.first <= aheadOfZero) return fast;
    }
    const { aheadOfZero: _ignored, ...full } = await this.runRanking(m, { ...q, scoredOnly: false });
    return full;
  }

  private async runRanking(m: EntityManager, q: RankingQuery): Promise<RankedPage & { aheadOfZero: number }> {
    const params: unknown[] = [];
    // Measured (npm run bench): parallel workers cost more to start than the branches take. Scoped to the
    // caller's transaction.
    await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const rows: Array<{
      educator_id: string | null;
      score: number;
      required_met: number;
      met_count: number;
      qualified: boolean;
      shared_rank: number;
      tie_size: number;
      total: number;
      qualified_count: number;
      ahead_of_zero: number;
    }> = await m.query(buildRankingSql(q, params), params);
    const ranked = rows.filter((r) => r.educator_id !== null);
    return {
      keys: ranked.map((r) => ({
        educatorId: r.educator_id!,
        score: r.score,
        requiredMet: r.required_met,
        metCount: r.met_count,
        qualified: r.qualified,
      })),
      ranks: ranked.map((r) => ({ rank: r.shared_rank, tied: r.tie_size > 1 })),
      total: rows[0]?.total ?? 0,
      qualifiedCount: rows[0]?.qualified_count ?? 0,
      aheadOfZero: rows[0]?.ahead_of_zero ?? 0,
    };
  }

  /**
   * A whole ranking (every candidate in order, no page) for the ranking cache, as compact columns read straight
   * from the driver: the same statement as a page, without its limit.
   */
  async rankAll(
    m: EntityManager,
    q: Omit<RankingQuery, 'first' | 'offset' | 'qualifiedOnly' | 'scoredOnly' | 'whole'>,
  ): Promise<FullRanking> {
    const params: unknown[] = [];
    await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const text = buildRankingSql({ ...q, qualifiedOnly: false, scoredOnly: false, whole: true, first: 0, offset: 0 }, params);
    const [[packed]] = (await this.arrays(m, { text: packedRankingSql(text), values: params })) as Array<[Buffer | null]>;
    // Ordered here, by the domain's own rule (the statement's page order is the same rule: ranking-sql.spec.ts).
    return unpackRanking(packed, q.policy.tieBreak);
  }

  /**
   * A ranking's first `depth` candidates in order, with the counts of the whole ranking, for the ranking cache: the
   * database keeps only the leading rows while it ranks (a bounded heap), so a first page costs what the ranking
   * statement costs, not moving and sorting every candidate. One row more than `depth` is read to tell whether the
   * last one held is tied. As rankPage, candidates without counting claims are left out when the role allows it; the
   * candidates ahead of the "nothing counts" tie are then exact, and the full statement is run only when `enough`
   * says those are too few for the page asked for.
   */
  async rankTop(
    m: EntityManager,
    q: Omit<RankingQuery, 'first' | 'offset' | 'qualifiedOnly' | 'scoredOnly' | 'whole' | 'top'>,
    depth: number,
    enough: (ranking: FullRanking) => boolean,
  ): Promise<FullRanking> {
    await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
    if (canRankScoredOnly(q.role)) {
      const fast = await this.leading(m, { ...q, scoredOnly: true }, depth);
      if (enough(fast)) return fast;
    }
    return this.leading(m, { ...q, scoredOnly: false }, depth);
  }

  private async leading(
    m: EntityManager,
    q: Omit<RankingQuery, 'first' | 'offset' | 'qualifiedOnly'>,
    depth: number,
  ): Promise<FullRanking> {
    const params: unknown[] = [];
    const text = buildRankingSql({ ...q, qualifiedOnly: false, first: 0, offset: 0, top: depth + 1 }, params);
    const rows = (await this.arrays(m, { text, values: params })) as Array<
      [string | null, number, number, number, boolean, number, number, number]
    >;
    const [, , , , , total = 0, qualifiedCount = 0, aheadOfZero = 0] = rows[0] ?? [];
    const ranked: LeadingRow[] = rows
      .filter((r) => r[0] !== null)
      .map(([educatorId, score, requiredMet, metCount, qualified]) => ({
        educatorId: educatorId!,
        score,
        requiredMet,
        metCount,
        qualified,
      }));
    // Every row read is held when the statement returned all it ranked; otherwise the extra row only tells ties.
    let held = ranked.length <= depth ? ranked.length : depth;
    // Left out, the "nothing counts" candidates could belong anywhere in that tie: only those ahead of it are exact
    // (the last of them is tied with no one left out, since it is qualified or scores).
    if (q.scoredOnly) held = Math.min(held, aheadOfZero);
    return leadingRanking(ranked, held, total, qualifiedCount);
  }

  /** The snapshot of the caller's transaction (or of this one statement), to test a cached answer against later. */
  async currentSnapshot(m: EntityManager): Promise<string> {
    const [[snapshot]] = (await this.arrays(m, {
      name: 'matching_current_snapshot',
      text: 'SELECT pg_current_snapshot()::text',
      values: [],
    })) as string[][];
    return snapshot;
  }

  /**
   * Whether anything a ranking reads has changed since `snapshot`: a change in the role log (roles, requirements,
   * competencies, policies) or the data log (claims, verification, evidence, educators, commitments, crosswalks,
   * buildings) that is visible now and was not visible then. Exact, and the same answer on every instance.
   */
  async rankingInputsUnchangedSince(m: EntityManager, snapshot: string): Promise<boolean> {
    const [[fresh]] = (await this.arrays(m, {
      name: 'matching_ranking_fresh',
      text: `SELECT ${SEEN_PRUNED('matching_data_change')} AND ${SEEN_PRUNED('matching_role_change')}
               AND ${noChangeSince('matching_data_change', '$1')} AND ${noChangeSince('matching_role_change', '$1')}`,
      values: [snapshot],
    })) as boolean[][];
    return fresh;
  }

  /** A saved run's candidates in one statement (keyed by position); `candidate` is stored exactly as it was shown. */
  async insertRunResults(
    m: EntityManager,
    runId: string,
    nodes: ReadonlyArray<{ position: number; educatorId: string; score: number; qualified: boolean; overextended: boolean }>,
  ): Promise<void> {
    if (!nodes.length) return;
    await m.query(
      `INSERT INTO ranking_run_result (run_id, rank, educator_id, score, qualified, overextended, candidate)
       SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::int[], $5::boolean[], $6::boolean[], $7::jsonb[])`,
      [
        runId,
        nodes.map((n) => n.position),
        nodes.map((n) => n.educatorId),
        nodes.map((n) => n.score),
        nodes.map((n) => n.qualified),
        nodes.map((n) => n.overextended),
        nodes.map((n) => JSON.stringify(n)),
      ],
    );
  }

  /** Educators with the total role FTE of their hybrid commitments active on `asOf` (0 with none), in one statement. */
  async candidates(m: EntityManager, ids: readonly string[], asOf: string): Promise<Array<EducatorRow & { commitmentsFte: number }>> {
    if (!ids.length) return [];
    const rows: Array<Record<string, string>> = await m.query(
      `SELECT ed.id, ed.full_name, ed.building_id, ed.hire_date::text AS hire_date,
         (SELECT coalesce(sum(hc.role_fte), 0) FROM hybrid_commitment hc
          WHERE hc.educator_id = ed.id AND hc.starts_on <= $2::date AND (hc.ends_on IS NULL OR hc.ends_on >= $2::date))::text AS fte
       FROM educator ed WHERE ed.id = ANY($1::uuid[])`,
      [[...ids], asOf],
    );
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      buildingId: r.building_id,
      hireDate: r.hire_date,
      commitmentsFte: Number(r.fte),
    }));
  }
}

/**
 * What `detailedFactOf` reads: the claim facts (one index finds a page's claims by competency and educator),
 * with the evidence only for its title.
 */
const DETAILED_FACTS_FROM = `${CLAIMS_FROM.facts} JOIN evidence e ON e.id = f.evidence_id`;
const DETAILED_FACT_COLUMNS = `f.educator_id, f.competency_id, f.evidence_id AS id, f.kind, f.pilot_part, f.verification_status, f.level,
  ${startDaySql('facts')} AS start_day, ${ageFromDaySql('facts')} AS age_day, ${expiresDaySql('facts')} AS expires_day,
  e.title, f.started_on::text AS started_on, f.ended_on::text AS ended_on, f.issued_on::text AS issued_on, f.expires_on::text AS expires_on`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows from pg, read column by column
function detailedFactOf(r: Record<string, any>): DetailedFact {
  return {
    ...factOf([
      r.educator_id,
      r.competency_id,
      r.id,
      r.kind,
      r.pilot_part,
      r.verification_status,
      r.level,
      r.start_day,
      r.age_day,
      r.expires_day,
    ]),
    educatorId: r.educator_id,
    details: { title: r.title, startedOn: r.started_on, endedOn: r.ended_on, issuedOn: r.issued_on, expiresOn: r.expires_on },
  };
}

/** A row of claim columns (educatorId, competencyId, evidenceId, kind, pilotPart, status, level, startDay, ageFromDay, expiresDay) as a ClaimFact. */
export function factOf(t: readonly unknown[]): ClaimFact {
  return {
    competencyId: t[1] as string,
    evidenceId: t[2] as string,
    kind: t[3] as EvidenceKind,
    pilotPart: t[4] as PilotPart | null,
    status: t[5] as VerificationStatus,
    claimedLevel: Number(t[6]),
    startDay: t[7] === null ? null : Number(t[7]),
    ageFromDay: t[8] === null ? null : Number(t[8]),
    expiresDay: t[9] === null ? null : Number(t[9]),
  };
}
