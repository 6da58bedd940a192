import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PanelReach } from '../access/visibility.js';
import { ApplicationStatus, SCORABLE_STATUSES } from './domain/application-status.js';
import type { RankedEntry } from './domain/offer-override.js';
import { ApplicationEntity } from './entities/application.entity.js';

export interface CandidateRow {
  id: string;
  fullName: string;
  workEmail: string;
  buildingName: string;
}

export interface ScoreRow {
  applicationId: string;
  accountId: string;
  email: string;
  competencyId: string;
  score: number;
  comment: string;
  submittedAt: Date | null;
}

type Lock = 'share' | 'update' | null;

/** The hiring module's SQL beyond simple finds. Every method takes the caller's manager so it runs in their transaction. */
@Injectable()
export class HiringRepository implements PanelReach {
  constructor(private readonly db: DataSource) {}

  async educatorName(m: EntityManager, educatorId: string): Promise<string | null> {
    const [row]: Array<{ full_name: string }> = await m.query(`SELECT full_name FROM educator WHERE id = $1`, [educatorId]);
    return row?.full_name ?? null;
  }

  async application(m: EntityManager, id: string, lock: Lock = null): Promise<ApplicationEntity | null> {
    const q = m.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock === 'share') q.setLock('pessimistic_read');
    if (lock === 'update') q.setLock('pessimistic_write');
    return q.getOne();
  }

  /**
   * Inserts an application unless this educator already has one for the role. Two identical requests at
   * once both reach the unique index; the second waits for the first to commit and then inserts nothing.
   */
  async insertApplication(
    m: EntityManager,
    row: { roleId: string; educatorId: string; statement: string; invitationId: string | null },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO application (role_id, educator_id, statement, invitation_id, status, version)
       VALUES ($1, $2, $3, $4, 'SUBMITTED', 1)
       ON CONFLICT (role_id, educator_id) DO NOTHING RETURNING id`,
      [row.roleId, row.educatorId, row.statement, row.invitationId],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Inserts an invitation unless one exists for this educator and role (then null). One the district WITHDRAWN (the
   * educator left, and the leaving was undone since) is sent again instead: same row, fresh message, sender and date.
   */
  async insertInvitation(
    m: EntityManager,
    row: { roleId: string; educatorId: string; message: string; invitedBy: string },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO invitation (role_id, educator_id, message, invited_by, status) VALUES ($1, $2, $3, $4, 'INVITED')
       ON CONFLICT (role_id, educator_id) DO UPDATE SET status = 'INVITED', message = EXCLUDED.message, invited_by = EXCLUDED.invited_by,
         invited_at = now(), responded_at = NULL, closed_reason = NULL
       WHERE invitation.status = 'WITHDRAWN' RETURNING id`,
      [row.roleId, row.educatorId, row.message, row.invitedBy],
    );
    return rows[0]?.id ?? null;
  }

  /** The educator's leaving date (YYYY-MM-DD) when it is on or before `today`, else null. */
  async leftOn(m: EntityManager, educatorId: string, today: string): Promise<string | null> {
    const [row] = await m.query(
      `SELECT to_char(leaving_date, 'YYYY-MM-DD') AS "leftOn" FROM educator WHERE id = $1 AND leaving_date <= $2::date`,
      [educatorId, today],
    );
    return row?.leftOn ?? null;
  }

  async educatorExists(m: EntityManager, educatorId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM educator WHERE id = $1`, [educatorId])).length > 0;
  }

  async isOnPanel(m: EntityManager, roleId: string, accountId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM panel_member WHERE role_id = $1 AND account_id = $2`, [roleId, accountId]);
    return rows.length > 0;
  }

  /** Whether the educator's own account sits on the role's panel. */
  async educatorSitsOnPanel(m: EntityManager, roleId: string, educatorId: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM panel_member pm JOIN account a ON a.id = pm.account_id WHERE pm.role_id = $1 AND a.educator_id = $2`,
      [roleId, educatorId],
    );
    return rows.length > 0;
  }

  async hasApplied(m: EntityManager, roleId: string, educatorId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM application WHERE role_id = $1 AND educator_id = $2`, [roleId, educatorId]);
    return rows.length > 0;
  }

  /** Every educator with an application to the role (the population pseudonyms are assigned over). */
  async applicantIds(m: EntityManager, roleId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(`SELECT educator_id AS id FROM application WHERE role_id = $1 ORDER BY educator_id`, [
      roleId,
    ]);
    return rows.map((r) => r.id);
  }

  /**
   * The panel reach of access's visibility table (PanelReach): applicants of roles whose panel this account
   * sits on, minus candidates it declared a conflict with for that role, among `educatorIds`, in one query.
   * A role under blind review reaches nobody by id until this panelist's identities are visible (the same
   * rule as identitiesVisible: something submitted and no scorable candidate waiting), so during blind review
   * every panelist read goes through the role's pseudonymised views.
   */
  async reachableEducators(accountId: string, educatorIds: readonly string[]): Promise<Set<string>> {
    if (!educatorIds.length) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT a.educator_id AS id
         FROM application a
         JOIN panel_member pm ON pm.role_id = a.role_id AND pm.account_id = $1
         LEFT JOIN role_hiring_settings rs ON rs.role_id = a.role_id
        WHERE a.educator_id = ANY($2::uuid[])
          AND NOT EXISTS (SELECT 1 FROM conflict_of_interest c
                           WHERE c.role_id = a.role_id AND c.account_id = $1 AND c.educator_id = a.educator_id)
          AND (NOT coalesce(rs.blind_review, false) OR (
            EXISTS (SELECT 1 FROM panel_score ps JOIN application sa ON sa.id = ps.application_id
                     WHERE sa.role_id = a.role_id AND ps.account_id = $1 AND ps.submitted_at IS NOT NULL)
            AND NOT EXISTS (
              SELECT 1 FROM application wa
               WHERE wa.role_id = a.role_id AND wa.status = ANY($3)
                 AND NOT EXISTS (SELECT 1 FROM conflict_of_interest c
                                  WHERE c.role_id = wa.role_id AND c.account_id = $1 AND c.educator_id = wa.educator_id)
                 AND NOT EXISTS (SELECT 1 FROM panel_score ps
                                  WHERE ps.application_id = wa.id AND ps.account_id = $1 AND ps.submitted_at IS NOT NULL))))`,
      [accountId, [...educatorIds], SCORABLE_STATUSES],
    );
    return new Set(rows.map((r) => r.id));
  }

  async conflictedEducators(m: EntityManager, roleId: string, accountId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT educator_id AS id FROM conflict_of_interest WHERE role_id = $1 AND account_id = $2`,
      [roleId, accountId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * For blind review: how many of the role's candidates this panelist has submitted scores for, and how many
   * scorable candidates (shortlisted or interviewing, not conflicted) still wait for their submission.
   */
  async panelProgress(m: EntityManager, roleId: string, accountId: string): Promise<{ submitted: number; awaiting: number }> {
    const [row] = await m.query(
      `SELECT count(*) FILTER (WHERE s.submitted)::int AS submitted,
              count(*) FILTER (WHERE NOT coalesce(s.submitted, false) AND a.status = ANY($3))::int AS awaiting
         FROM application a
         LEFT JOIN LATERAL (
           SELECT bool_or(ps.submitted_at IS NOT NULL) AS submitted FROM panel_score ps WHERE ps.application_id = a.id AND ps.account_id = $2
         ) s ON true
        WHERE a.role_id = $1
          AND NOT EXISTS (SELECT 1 FROM conflict_of_interest c WHERE c.role_id = a.role_id AND c.account_id = $2 AND c.educator_id = a.educator_id)`,
      [roleId, accountId, SCORABLE_STATUSES],
    );
    return { submitted: row.submitted, awaiting: row.awaiting };
  }

  /** A role's applications as this panelist may see them (conflicts removed), or all of them for HR. */
  async roleApplications(
    m: EntityManager,
    roleId: string,
    opts: { hiddenFromAccountId: string | null; status: ApplicationStatus | null; offset: number; first: number },
  ): Promise<[ApplicationEntity[], number]> {
    const q = m.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.role_id = :roleId', { roleId });
    if (opts.status) q.andWhere('a.status = :status', { status: opts.status });
    if (opts.hiddenFromAccountId) {
      q.andWhere(
        'NOT EXISTS (SELECT 1 FROM conflict_of_interest c WHERE c.role_id = a.role_id AND c.account_id = :viewer AND c.educator_id = a.educator_id)',
        { viewer: opts.hiddenFromAccountId },
      );
    }
    return q.orderBy('a.submitted_at', 'ASC').addOrderBy('a.id', 'ASC').skip(opts.offset).take(opts.first).getManyAndCount();
  }

  async candidates(m: EntityManager, educatorIds: readonly string[]): Promise<Map<string, CandidateRow>> {
    if (!educatorIds.length) return new Map();
    const rows: CandidateRow[] = await m.query(
      `SELECT e.id, e.full_name AS "fullName", e.work_email AS "workEmail", b.name AS "buildingName"
         FROM educator e JOIN building b ON b.id = e.building_id WHERE e.id = ANY($1::uuid[])`,
      [[...new Set(educatorIds)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async roleTitles(m: EntityManager, roleIds: readonly string[]): Promise<Map<string, string>> {
    if (!roleIds.length) return new Map();
    const rows: Array<{ id: string; title: string }> = await m.query(`SELECT id, title FROM hybrid_role WHERE id = ANY($1::uuid[])`, [
      [...new Set(roleIds)],
    ]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * Upserts a panelist's draft scores for one candidate in one statement; returns how many were written (fewer
   * than given when some rows were already submitted, which are final). Rows are written, and so locked, in
   * competency order, the order `myScores` locks them in: a save racing a submission waits for it instead of
   * deadlocking.
   */
  async upsertDraftScores(
    m: EntityManager,
    applicationId: string,
    accountId: string,
    scores: ReadonlyArray<{ competencyId: string; score: number; comment: string }>,
  ): Promise<number> {
    const rows = await m.query(
      `INSERT INTO panel_score (application_id, account_id, competency_id, score, comment)
       SELECT $1, $2, s.competency_id, s.score, s.comment
         FROM unnest($3::uuid[], $4::int[], $5::text[]) AS s(competency_id, score, comment)
        ORDER BY s.competency_id
       ON CONFLICT (application_id, account_id, competency_id)
       DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()
       WHERE panel_score.submitted_at IS NULL
       RETURNING id`,
      [applicationId, accountId, scores.map((x) => x.competencyId), scores.map((x) => x.score), scores.map((x) => x.comment)],
    );
    return rows.length;
  }

  /** One panelist's rows for one candidate, locked so a concurrent edit waits for the submission. */
  async myScores(m: EntityManager, applicationId: string, accountId: string, lock = false): Promise<ScoreRow[]> {
    return m.query(
      `SELECT ps.application_id AS "applicationId", ps.account_id AS "accountId", '' AS email, ps.competency_id AS "competencyId",
              ps.score, ps.comment, ps.submitted_at AS "submittedAt"
         FROM panel_score ps WHERE ps.application_id = $1 AND ps.account_id = $2 ORDER BY ps.competency_id ${lock ? 'FOR UPDATE' : ''}`,
      [applicationId, accountId],
    );
  }

  async submitScores(m: EntityManager, applicationId: string, accountId: string): Promise<number> {
    const rows = await m.query(
      `UPDATE panel_score SET submitted_at = now(), updated_at = now()
        WHERE application_id = $1 AND account_id = $2 AND submitted_at IS NULL RETURNING id`,
      [applicationId, accountId],
    );
    return rows.length;
  }

  /**
   * The scores that count for candidates: from panelists who still sit on the role's panel and have not
   * declared a conflict with that candidate.
   */
  async countingScores(m: EntityManager, applicationIds: readonly string[]): Promise<ScoreRow[]> {
    if (!applicationIds.length) return [];
    return m.query(
      `SELECT ps.application_id AS "applicationId", ps.account_id AS "accountId", acc.email, ps.competency_id AS "competencyId",
              ps.score, ps.comment, ps.submitted_at AS "submittedAt"
         FROM panel_score ps
         JOIN application a ON a.id = ps.application_id
         JOIN panel_member pm ON pm.role_id = a.role_id AND pm.account_id = ps.account_id
         JOIN account acc ON acc.id = ps.account_id
        WHERE ps.application_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM conflict_of_interest c WHERE c.role_id = a.role_id AND c.account_id = ps.account_id AND c.educator_id = a.educator_id)
        ORDER BY acc.email, ps.competency_id`,
      [[...applicationIds]],
    );
  }

  /** Which of these applications this panelist has submitted scores for. */
  async submittedBy(m: EntityManager, applicationIds: readonly string[], accountId: string): Promise<Set<string>> {
    if (!applicationIds.length) return new Set();
    const rows: Array<{ id: string }> = await m.query(
      `SELECT DISTINCT application_id AS id FROM panel_score WHERE application_id = ANY($1::uuid[]) AND account_id = $2 AND submitted_at IS NOT NULL`,
      [[...applicationIds], accountId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The role's latest saved ranking run (newest first, id breaking ties as the matching module lists them). */
  async latestRun(m: EntityManager, roleId: string): Promise<{ id: string; asOf: string } | null> {
    const [row] = await m.query(
      `SELECT id, as_of::text AS "asOf" FROM ranking_run WHERE role_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [roleId],
    );
    return row ?? null;
  }

  async runEntries(m: EntityManager, runId: string): Promise<RankedEntry[]> {
    return m.query(`SELECT educator_id AS "educatorId", rank, qualified, score FROM ranking_run_result WHERE run_id = $1 ORDER BY rank`, [
      runId,
    ]);
  }

  /**
   * Candidates out of the running for the next offer by their own choice (declined the invitation, withdrew,
   * declined an offer) or because they already hold a pending or accepted offer for the role.
   */
  async unavailableForOffer(m: EntityManager, roleId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT educator_id AS id FROM invitation WHERE role_id = $1 AND status = 'DECLINED'
       UNION SELECT educator_id FROM application WHERE role_id = $1 AND status IN ('WITHDRAWN', 'DECLINED')
       UNION SELECT educator_id FROM offer WHERE role_id = $1 AND status IN ('PENDING', 'ACCEPTED')`,
      [roleId],
    );
    return new Set(rows.map((r) => r.id));
  }

  async acceptedOffers(m: EntityManager, roleId: string): Promise<number> {
    const [row] = await m.query(`SELECT count(*)::int AS n FROM offer WHERE role_id = $1 AND status = 'ACCEPTED'`, [roleId]);
    return row.n;
  }

  /** Roles whose panel this account sits on. */
  async panelRoleIds(accountId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT pm.role_id AS id FROM panel_member pm JOIN hybrid_role r ON r.id = pm.role_id WHERE pm.account_id = $1 ORDER BY r.title, r.id`,
      [accountId],
    );
    return rows.map((r) => r.id);
  }

  async panelMembers(
    m: EntityManager,
    roleId: string,
  ): Promise<Array<{ accountId: string; displayName: string; email: string; addedAt: Date }>> {
    return m.query(
      `SELECT a.id AS "accountId", a.display_name AS "displayName", a.email, pm.added_at AS "addedAt"
         FROM panel_member pm JOIN account a ON a.id = pm.account_id WHERE pm.role_id = $1 ORDER BY pm.added_at, a.id`,
      [roleId],
    );
  }
}
