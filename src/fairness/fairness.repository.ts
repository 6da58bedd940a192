import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditApplication, AuditRankingRun } from './domain/audit.js';

/**
 * Every statement the fairness audit runs. This file and the self-identification service are the only
 * readers of the `fairness` schema; nothing else in the service refers to it.
 */
export interface AuditWindow {
  roleId: string | null;
  from: string;
  to: string;
  /** ISO instant; rows recorded after it do not count. */
  asOf: string;
}

/** [from 00:00 UTC, to + 1 day 00:00 UTC), and never past the as-of instant. */
const PERIOD = (col: string, from: string, to: string, asOf: string) =>
  `${col} >= (${from}::date::timestamp AT TIME ZONE 'UTC') AND ${col} < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC') AND ${col} <= ${asOf}::timestamptz`;

@Injectable()
export class FairnessRepository {
  async roleTitle(m: EntityManager, roleId: string): Promise<string | null> {
    const rows: Array<{ title: string }> = await m.query('SELECT title FROM hybrid_role WHERE id = $1', [roleId]);
    return rows[0]?.title ?? null;
  }

  /** Applications submitted in the period, each with the to-statuses of its history up to the as-of instant, oldest first. */
  async applications(m: EntityManager, w: AuditWindow): Promise<AuditApplication[]> {
    const params: unknown[] = [w.from, w.to, w.asOf];
    const role = w.roleId ? `AND a.role_id = $${params.push(w.roleId)}` : '';
    const rows: Array<{ id: string; educator_id: string; role_id: string; statuses: string[] }> = await m.query(
      `SELECT a.id, a.educator_id, a.role_id,
              coalesce(array_agg(t.to_status ORDER BY t.at, t.id) FILTER (WHERE t.id IS NOT NULL), '{}') AS statuses
         FROM application a
         LEFT JOIN application_transition t ON t.application_id = a.id AND t.at <= $3::timestamptz
        WHERE ${PERIOD('a.submitted_at', '$1', '$2', '$3')} ${role}
        GROUP BY a.id
        ORDER BY a.id`,
      params,
    );
    return rows.map((r) => ({ applicationId: r.id, educatorId: r.educator_id, roleId: r.role_id, statuses: r.statuses }));
  }

  /** Per role, the latest ranking run saved in the period, with its stored candidates' scores. */
  async rankings(m: EntityManager, w: AuditWindow): Promise<AuditRankingRun[]> {
    const params: unknown[] = [w.from, w.to, w.asOf];
    const role = w.roleId ? `AND r.role_id = $${params.push(w.roleId)}` : '';
    const rows: Array<{
      id: string;
      role_id: string;
      title: string;
      policy_version: number;
      as_of: string;
      created_at: Date;
      candidate_count: number;
      results: Array<{ educatorId: string; score: number }>;
    }> = await m.query(
      `WITH latest AS (
         SELECT DISTINCT ON (r.role_id) r.*
           FROM ranking_run r
          WHERE ${PERIOD('r.created_at', '$1', '$2', '$3')} ${role}
          ORDER BY r.role_id, r.created_at DESC, r.id DESC
       )
       SELECT l.id, l.role_id, l.role_snapshot->>'title' AS title, l.policy_version, to_char(l.as_of, 'YYYY-MM-DD') AS as_of, l.created_at,
              l.candidate_count,
              coalesce((SELECT json_agg(json_build_object('educatorId', x.educator_id, 'score', x.score) ORDER BY x.rank)
                          FROM ranking_run_result x WHERE x.run_id = l.id), '[]') AS results
         FROM latest l
        ORDER BY l.role_id`,
      params,
    );
    return rows.map((r) => ({
      runId: r.id,
      roleId: r.role_id,
      roleTitle: r.title,
      policyVersion: r.policy_version,
      asOf: r.as_of,
      createdAt: new Date(r.created_at).toISOString(),
      candidateCount: r.candidate_count,
      results: r.results,
    }));
  }

  /** The current answers of these educators (a withdrawn answer is simply absent). */
  async answers(m: EntityManager, educatorIds: readonly string[]): Promise<Map<string, { sex: string; raceEthnicity: string }>> {
    if (!educatorIds.length) return new Map();
    const rows: Array<{ educator_id: string; sex: string; race_ethnicity: string }> = await m.query(
      'SELECT educator_id, sex, race_ethnicity FROM fairness.self_identification WHERE educator_id = ANY($1::uuid[])',
      [[...educatorIds]],
    );
    return new Map(rows.map((r) => [r.educator_id, { sex: r.sex, raceEthnicity: r.race_ethnicity }]));
  }
}
