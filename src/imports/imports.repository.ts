import type { EntityManager } from 'typeorm';
import type { EvidenceDetails } from '../evidence/domain/details.js';
import type { CommonFields } from '../evidence/domain/fields.js';
import type { BuildingRow, EducatorRow } from './domain/rows.js';

export interface ExistingBuilding {
  id: string;
  code: string;
  name: string;
  level: string;
  archived: boolean;
  version: number;
}

export interface ExistingEducator {
  id: string;
  employeeId: string | null;
  fullName: string;
  workEmail: string;
  buildingId: string;
  currentAssignment: string;
  hireDate: string;
  leavingDate: string | null;
  version: number;
}

/** A batch row (1-based `ord`) that is not unchanged: the educator with its employee id, and the one with its work email. */
export interface EducatorMatch {
  ord: number;
  id: string | null;
  version: number | null;
  buildingId: string | null;
  holderId: string | null;
  holderEmployeeId: string | null;
  holderVersion: number | null;
  holderBuildingId: string | null;
}

/** The set-based SQL of imports and exports: one statement per batch of rows, never one per row. */
export class ImportsRepository {
  constructor(readonly manager: EntityManager) {}

  private get m(): EntityManager {
    return this.manager;
  }

  async allBuildings(): Promise<ExistingBuilding[]> {
    return this.m.query(`SELECT id, code, name, level, archived_at IS NOT NULL AS archived, version FROM building`);
  }

  /**
   * Compares a batch with the table in one statement and returns only the rows that are not unchanged (to create,
   * update or refuse), each with the educator holding its employee id and the one holding its work email: an
   * unchanged re-import ships its rows once and reads nothing back. Each lookup is one index probe per row (the
   * laterals are kept apart from the join planner so a batch never hashes the whole table).
   */
  async educatorsNotUnchanged(rows: { buildingId: string; row: EducatorRow }[]): Promise<EducatorMatch[]> {
    if (!rows.length) return [];
    return this.m.query(
      `SELECT v.ord::int AS ord, x.id, x.version, x.building_id AS "buildingId",
         h.id AS "holderId", h.employee_id AS "holderEmployeeId", h.version AS "holderVersion", h.building_id AS "holderBuildingId"
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::date[], $7::date[]) WITH ORDINALITY
         AS v(employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, ord)
       LEFT JOIN LATERAL (SELECT * FROM educator WHERE employee_id = v.employee_id OFFSET 0) x ON true
       LEFT JOIN LATERAL (SELECT * FROM educator WHERE lower(work_email) = lower(v.work_email) OFFSET 0) h ON true
       WHERE NOT (x.id IS NOT NULL AND h.id IS NOT DISTINCT FROM x.id AND x.full_name IS NOT DISTINCT FROM v.full_name
         AND x.work_email IS NOT DISTINCT FROM v.work_email AND x.building_id IS NOT DISTINCT FROM v.building_id
         AND x.current_assignment IS NOT DISTINCT FROM v.current_assignment AND x.hire_date IS NOT DISTINCT FROM v.hire_date
         AND x.leaving_date IS NOT DISTINCT FROM v.leaving_date)`,
      educatorArrays(rows),
    );
  }

  async insertBuildings(rows: BuildingRow[]): Promise<void> {
    if (!rows.length) return;
    await this.m.query(`INSERT INTO building (code, name, level) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])`, [
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      rows.map((r) => r.level),
    ]);
  }

  /** Returns how many rows matched their expected version; fewer than asked means someone changed one meanwhile. */
  async updateBuildings(rows: { id: string; version: number; row: BuildingRow }[]): Promise<number> {
    if (!rows.length) return 0;
    const res = await this.m.query(
      `UPDATE building b SET name = v.name, level = v.level, version = b.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::varchar[]) AS v(id, version, name, level)
       WHERE b.id = v.id AND b.version = v.version`,
      [rows.map((r) => r.id), rows.map((r) => r.version), rows.map((r) => r.row.name), rows.map((r) => r.row.level)],
    );
    return res[1] as number;
  }

  async insertEducators(rows: { buildingId: string; row: EducatorRow }[]): Promise<void> {
    if (!rows.length) return;
    await this.m.query(
      `INSERT INTO educator (employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, version)
       SELECT *, 1 FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::date[], $7::date[])`,
      educatorArrays(rows),
    );
  }

  async updateEducators(rows: { id: string; version: number; buildingId: string; row: EducatorRow }[]): Promise<number> {
    if (!rows.length) return 0;
    const res = await this.m.query(
      `UPDATE educator e SET employee_id = v.employee_id, full_name = v.full_name, work_email = v.work_email, building_id = v.building_id,
         current_assignment = v.current_assignment, hire_date = v.hire_date, leaving_date = v.leaving_date,
         version = e.version + 1, updated_at = now()
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::date[], $7::date[], $8::uuid[], $9::int[])
         AS v(employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, id, version)
       WHERE e.id = v.id AND e.version = v.version`,
      [...educatorArrays(rows), rows.map((r) => r.id), rows.map((r) => r.version)],
    );
    return res[1] as number;
  }

  /** Keyset pages for the streamed export, in key order. */
  async buildingsPage(after: string, limit: number): Promise<ExistingBuilding[]> {
    return this.m.query(
      `SELECT id, code, name, level, archived_at IS NOT NULL AS archived, version FROM building WHERE code COLLATE "C" > $1 ORDER BY code COLLATE "C" LIMIT $2`,
      [after, limit],
    );
  }

  /** Educators without an employee id (entered by hand) come first with an empty key, then by employee id. */
  async educatorsPage(after: { employeeId: string; id: string }, limit: number): Promise<(ExistingEducator & { buildingCode: string })[]> {
    return this.m.query(
      `SELECT e.id, e.employee_id AS "employeeId", e.full_name AS "fullName", e.work_email AS "workEmail", e.building_id AS "buildingId",
         e.current_assignment AS "currentAssignment", to_char(e.hire_date, 'YYYY-MM-DD') AS "hireDate",
         to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate", e.version, b.code AS "buildingCode"
       FROM educator e JOIN building b ON b.id = e.building_id
       WHERE (coalesce(e.employee_id, '') COLLATE "C", e.id) > ($1 COLLATE "C", $2::uuid)
       ORDER BY coalesce(e.employee_id, '') COLLATE "C", e.id LIMIT $3`,
      [after.employeeId, after.id, limit],
    );
  }
}

export interface ExistingCompetency {
  id: string;
  code: string;
  caseIdentifier: string;
  retired: boolean;
  levels: number[];
}

/** An evidence item as an import compares it: its common and kind-specific columns, claims, owner's employee id. */
export interface ExistingEvidence extends CommonFields, EvidenceDetails {
  id: string;
  key: string;
  educatorId: string;
  employeeId: string | null;
  kind: string;
  version: number;
  /** When the item was archived (soft-deleted); null for a live item. */
  archivedAt: Date | null;
  claims: { competencyId: string; level: number }[];
}

export interface EvidenceWrite {
  key: string;
  educatorId: string;
  kind: string;
  common: CommonFields;
  details: EvidenceDetails;
  claims: { competencyId: string; level: number }[];
}

export interface ExistingDecision {
  evidenceId: string;
  key: string;
  educatorId: string;
  verificationStatus: string;
  version: number;
  archivedAt: Date | null;
  pendingId: string | null;
  /** The latest decided request: decision, reason and the UTC day. */
  decision: string | null;
  reason: string | null;
  decidedOn: string | null;
}

export interface ExistingAccount {
  id: string;
  email: string;
  displayName: string;
  personas: string[];
  educatorId: string | null;
  disabled: boolean;
  version: number;
}

export interface ExistingCommitment {
  id: string;
  employeeId: string;
  roleTitle: string;
  roleFte: number;
  startsOn: string;
  endsOn: string | null;
  version: number;
}

const EVIDENCE_SELECT = `ev.id, coalesce(ev.district_key, ev.id::text) AS key, ev.educator_id AS "educatorId", ed.employee_id AS "employeeId", ev.kind,
  ev.title, ev.description, ev.url, to_char(ev.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(ev.ended_on, 'YYYY-MM-DD') AS "endedOn",
  ev.issuer, ev.credential_id AS "credentialId", to_char(ev.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(ev.expires_on, 'YYYY-MM-DD') AS "expiresOn",
  ev.pilot_part AS "pilotPart", ev.classrooms, ev.teachers, ev.students, ev.outcomes, ev.sessions, ev.attendees, ev.venue,
  ev.hours::float8 AS hours, ev.provider, ev.version, ev.deleted_at AS "archivedAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidKeys = (keys: string[]) => keys.filter((k) => UUID.test(k)).map((k) => k.toLowerCase());

/** Evidence matched by key: the district's own key, or (for items recorded in Pathways) the id an export wrote. */
const EVIDENCE_BY_KEY = `FROM (SELECT id FROM evidence WHERE district_key = ANY($1::varchar[])
    UNION SELECT id FROM evidence WHERE id = ANY($2::uuid[]) AND district_key IS NULL) k
  JOIN evidence ev ON ev.id = k.id JOIN educator ed ON ed.id = ev.educator_id
  WHERE true`;

/** The set-based SQL of the kinds beyond the roster. */
export class MoreImportsRepository {
  constructor(private readonly m: EntityManager) {}

  async competencies(): Promise<ExistingCompetency[]> {
    return this.m.query(`SELECT c.id, c.code, c.case_identifier::text AS "caseIdentifier", c.retired_at IS NOT NULL AS retired,
        array_agg(l.level ORDER BY l.level)::int[] AS levels
      FROM competency c JOIN competency_level l ON l.competency_id = c.id GROUP BY c.id`);
  }

  async educatorIds(employeeIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; employee_id: string }[] = await this.m.query(
      `SELECT id, employee_id FROM educator WHERE employee_id = ANY($1::varchar[])`,
      [employeeIds],
    );
    return new Map(rows.map((r) => [r.employee_id, r.id]));
  }

  async evidenceByKeys(keys: string[]): Promise<ExistingEvidence[]> {
    const items: ExistingEvidence[] = await this.m.query(`SELECT ${EVIDENCE_SELECT} ${EVIDENCE_BY_KEY}`, [keys, uuidKeys(keys)]);
    if (!items.length) return items;
    const claims: { evidence_id: string; competency_id: string; level: number }[] = await this.m.query(
      `SELECT evidence_id, competency_id, level FROM evidence_claim WHERE evidence_id = ANY($1::uuid[])`,
      [items.map((i) => i.id)],
    );
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const i of items) i.claims = [];
    for (const c of claims) byId.get(c.evidence_id)!.claims.push({ competencyId: c.competency_id, level: c.level });
    return items;
  }

  /**
   * New items are staged in temporary tables (no indexes, no triggers) batch by batch, and written by
   * `insertStagedEvidence` in one INSERT per table at the end of the commit: the claims' per-row trigger then
   * meets a table that already holds every item, as it does under COPY.
   */
  async stageEvidence(rows: EvidenceWrite[]): Promise<void> {
    if (!rows.length) return;
    await this.m
      .query(`CREATE TEMP TABLE IF NOT EXISTS import_evidence_stage (district_key varchar, educator_id uuid, kind varchar, title varchar,
        description text, url varchar, started_on date, ended_on date, issuer varchar, credential_id varchar, issued_on date, expires_on date,
        pilot_part varchar, classrooms int, teachers int, students int, outcomes text, sessions int, attendees int, venue varchar, hours numeric, provider varchar)
      ON COMMIT DROP`);
    await this.m.query(
      `CREATE TEMP TABLE IF NOT EXISTS import_claim_stage (district_key varchar, competency_id uuid, level smallint) ON COMMIT DROP`,
    );
    await this.m.query(`INSERT INTO import_evidence_stage SELECT * FROM unnest(${EVIDENCE_WRITE_TYPES})`, [
      rows.map((r) => r.key),
      rows.map((r) => r.educatorId),
      ...evidenceArrays(rows),
    ]);
    const claims = rows.flatMap((r) => r.claims.map((c) => ({ key: r.key, ...c })));
    if (claims.length) {
      await this.m.query(`INSERT INTO import_claim_stage SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::smallint[])`, [
        claims.map((c) => c.key),
        claims.map((c) => c.competencyId),
        claims.map((c) => c.level),
      ]);
    }
  }

  async insertStagedEvidence(): Promise<void> {
    const [{ staged }] = await this.m.query(`SELECT to_regclass('pg_temp.import_evidence_stage') IS NOT NULL AS staged`);
    if (!staged) return;
    await this.m.query(
      `INSERT INTO evidence (district_key, educator_id, ${EVIDENCE_WRITE_COLUMNS}, version) SELECT *, 1 FROM import_evidence_stage`,
    );
    await this.m.query(`INSERT INTO evidence_claim (evidence_id, competency_id, level)
      SELECT e.id, s.competency_id, s.level FROM import_claim_stage s JOIN evidence e ON e.district_key = s.district_key`);
    await this.m.query(`DROP TABLE import_evidence_stage, import_claim_stage`);
    // Fresh planner statistics after a bulk load: without them the next import's claim lookups by item id scan the
    // whole claims table per batch (seen at 1,000,000 claims) instead of probing its primary key.
    await this.m.query(`ANALYZE evidence, evidence_claim`);
  }

  /** Updates items still at the version read; their claims become exactly the file's. Returns how many matched. */
  async updateEvidence(rows: (EvidenceWrite & { id: string; version: number })[]): Promise<number> {
    if (!rows.length) return 0;
    const res = await this.m.query(
      `UPDATE evidence e SET (${EVIDENCE_WRITE_COLUMNS}) = (v.kind, v.title, v.description, v.url, v.started_on, v.ended_on, v.issuer, v.credential_id,
           v.issued_on, v.expires_on, v.pilot_part, v.classrooms, v.teachers, v.students, v.outcomes, v.sessions, v.attendees, v.venue, v.hours, v.provider),
         version = e.version + 1, updated_at = now()
       FROM unnest(${EVIDENCE_WRITE_TYPES.replace('$1::varchar[], $2::uuid[]', '$1::uuid[], $2::int[]')})
         AS v(id, version, kind, title, description, url, started_on, ended_on, issuer, credential_id, issued_on, expires_on, pilot_part,
              classrooms, teachers, students, outcomes, sessions, attendees, venue, hours, provider)
       WHERE e.id = v.id AND e.version = v.version`,
      [rows.map((r) => r.id), rows.map((r) => r.version), ...evidenceArrays(rows)],
    );
    const ids = rows.map((r) => r.id);
    const claims = rows.flatMap((r) => r.claims.map((c) => ({ evidenceId: r.id, ...c })));
    await this.m.query(
      `DELETE FROM evidence_claim c WHERE c.evidence_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[]) AS k(evidence_id, competency_id) WHERE k.evidence_id = c.evidence_id AND k.competency_id = c.competency_id)`,
      [ids, claims.map((c) => c.evidenceId), claims.map((c) => c.competencyId)],
    );
    await this.insertClaims(claims, true);
    return res[1] as number;
  }

  private async insertClaims(claims: { evidenceId: string; competencyId: string; level: number }[], upsert = false): Promise<void> {
    if (!claims.length) return;
    await this.m.query(
      `INSERT INTO evidence_claim (evidence_id, competency_id, level) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[])
       ${upsert ? 'ON CONFLICT (evidence_id, competency_id) DO UPDATE SET level = EXCLUDED.level WHERE evidence_claim.level <> EXCLUDED.level' : ''}`,
      [claims.map((c) => c.evidenceId), claims.map((c) => c.competencyId), claims.map((c) => c.level)],
    );
  }

  async decisionsByKeys(keys: string[]): Promise<ExistingDecision[]> {
    return this.m.query(
      `SELECT ev.id AS "evidenceId", coalesce(ev.district_key, ev.id::text) AS key, ev.educator_id AS "educatorId",
         ev.verification_status AS "verificationStatus", ev.version, ev.deleted_at AS "archivedAt",
         (SELECT p.id FROM verification_request p WHERE p.evidence_id = ev.id AND p.status = 'PENDING') AS "pendingId",
         d.status AS decision, d.decision_reason AS reason, to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "decidedOn"
       ${EVIDENCE_BY_KEY.replace(
         'WHERE true',
         `LEFT JOIN LATERAL (SELECT status, decision_reason, decided_at FROM verification_request r
           WHERE r.evidence_id = ev.id AND r.status <> 'PENDING' ORDER BY r.decided_at DESC, r.id DESC LIMIT 1) d ON true WHERE true`,
       )}`,
      [keys, uuidKeys(keys)],
    );
  }

  /**
   * Records decisions: a pending request is decided, otherwise a decided request is added; VERIFIED and ENDORSED
   * move the evidence (still at the version read) to that status. Returns how many evidence updates matched.
   */
  async applyDecisions(
    rows: {
      evidenceId: string;
      educatorId: string;
      pendingId: string | null;
      version: number;
      decision: string;
      reason: string;
      decidedOn: string;
    }[],
    by: string,
  ): Promise<number> {
    if (!rows.length) return 0;
    const at = (d: string) => `${d}T12:00:00Z`;
    await this.m.query(
      `UPDATE verification_request r SET status = v.status, decision_reason = v.reason, decided_at = v.at, decided_by_email = $5, version = r.version + 1
       FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::timestamptz[]) AS v(id, status, reason, at) WHERE r.id = v.id AND r.status = 'PENDING'`,
      [
        ...cols(
          rows.filter((r) => r.pendingId),
          (r) => [r.pendingId, r.decision, r.reason, at(r.decidedOn)],
          4,
        ),
        by,
      ],
    );
    await this.m.query(
      `INSERT INTO verification_request (evidence_id, educator_id, status, note, requested_at, decided_at, decided_by_email, decision_reason, version)
       SELECT v.evidence_id, v.educator_id, v.status, '', v.at, v.at, $5, v.reason, 1
       FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::timestamptz[], $6::text[]) AS v(evidence_id, educator_id, status, at, reason)`,
      [
        ...cols(
          rows.filter((r) => !r.pendingId),
          (r) => [r.evidenceId, r.educatorId, r.decision, at(r.decidedOn)],
          4,
        ),
        by,
        rows.filter((r) => !r.pendingId).map((r) => r.reason),
      ],
    );
    const moves = rows.filter((r) => r.decision !== 'REJECTED');
    if (!moves.length) return 0;
    const res = await this.m.query(
      `UPDATE evidence e SET verification_status = v.status, verified_by = $5, verified_at = v.at, version = e.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::timestamptz[]) AS v(id, version, status, at) WHERE e.id = v.id AND e.version = v.version`,
      [...cols(moves, (r) => [r.evidenceId, r.version, r.decision, at(r.decidedOn)], 4), by],
    );
    return res[1] as number;
  }

  async accounts(): Promise<ExistingAccount[]> {
    return this.m.query(
      `SELECT id, email, display_name AS "displayName", personas, educator_id AS "educatorId", disabled_at IS NOT NULL AS disabled, version FROM account`,
    );
  }

  async updateAccounts(
    rows: { id: string; version: number; displayName: string; personas: string[]; educatorId: string | null }[],
  ): Promise<number> {
    if (!rows.length) return 0;
    // Personas travel as one space-separated string per row (unnest flattens a two-dimensional array).
    const res = await this.m.query(
      `UPDATE account a SET display_name = v.display_name, personas = string_to_array(v.personas, ' '), educator_id = v.educator_id,
         version = a.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::text[], $5::uuid[]) AS v(id, version, display_name, personas, educator_id)
       WHERE a.id = v.id AND a.version = v.version`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.version),
        rows.map((r) => r.displayName),
        rows.map((r) => r.personas.join(' ')),
        rows.map((r) => r.educatorId),
      ],
    );
    // The endorser scope follows the persona, as updateAccount keeps it: cleared when ENDORSER is taken away.
    const dropped = rows.filter((r) => !r.personas.includes('ENDORSER')).map((r) => r.id);
    if (dropped.length) await this.m.query(`DELETE FROM endorser_building WHERE account_id = ANY($1::uuid[])`, [dropped]);
    return res[1] as number;
  }

  async commitmentsOf(employeeIds: string[]): Promise<ExistingCommitment[]> {
    return this.m.query(
      `SELECT hc.id, e.employee_id AS "employeeId", hc.role_title AS "roleTitle", hc.role_fte::float8 AS "roleFte",
         to_char(hc.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(hc.ends_on, 'YYYY-MM-DD') AS "endsOn", hc.version
       FROM hybrid_commitment hc JOIN educator e ON e.id = hc.educator_id WHERE e.employee_id = ANY($1::varchar[]) AND hc.source = 'EXTERNAL'`,
      [employeeIds],
    );
  }

  async insertCommitments(
    rows: { educatorId: string; roleTitle: string; roleFte: number; startsOn: string; endsOn: string | null }[],
  ): Promise<void> {
    if (!rows.length) return;
    await this.m.query(
      `INSERT INTO hybrid_commitment (educator_id, role_id, role_title, source, role_fte, starts_on, ends_on, version)
       SELECT v.educator_id, NULL, v.role_title, 'EXTERNAL', v.role_fte, v.starts_on, v.ends_on, 1
       FROM unnest($1::uuid[], $2::varchar[], $3::numeric[], $4::date[], $5::date[]) AS v(educator_id, role_title, role_fte, starts_on, ends_on)`,
      cols(rows, (r) => [r.educatorId, r.roleTitle, r.roleFte, r.startsOn, r.endsOn], 5),
    );
  }

  async updateCommitments(rows: { id: string; version: number; roleFte: number; endsOn: string | null }[]): Promise<number> {
    if (!rows.length) return 0;
    const res = await this.m.query(
      `UPDATE hybrid_commitment hc SET role_fte = v.role_fte, ends_on = v.ends_on, version = hc.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::numeric[], $4::date[]) AS v(id, version, role_fte, ends_on) WHERE hc.id = v.id AND hc.version = v.version`,
      cols(rows, (r) => [r.id, r.version, r.roleFte, r.endsOn], 4),
    );
    return res[1] as number;
  }

  /** Keyset pages for the streamed exports of these kinds. */
  async accountsPage(after: string, limit: number): Promise<(ExistingAccount & { employeeId: string | null })[]> {
    return this.m.query(
      `SELECT a.email, a.display_name AS "displayName", a.personas, e.employee_id AS "employeeId", a.version
       FROM account a LEFT JOIN educator e ON e.id = a.educator_id WHERE a.email COLLATE "C" > $1 ORDER BY a.email COLLATE "C" LIMIT $2`,
      [after, limit],
    );
  }

  async commitmentsPage(after: string, limit: number): Promise<(ExistingCommitment & { sortKey: string })[]> {
    return this.m.query(
      `SELECT * FROM (SELECT hc.id, e.employee_id AS "employeeId", hc.role_title AS "roleTitle", hc.role_fte::float8 AS "roleFte",
          to_char(hc.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(hc.ends_on, 'YYYY-MM-DD') AS "endsOn", hc.version,
          e.employee_id || chr(1) || to_char(hc.starts_on, 'YYYY-MM-DD') || chr(1) || hc.role_title || chr(1) || hc.id AS "sortKey"
        FROM hybrid_commitment hc JOIN educator e ON e.id = hc.educator_id WHERE hc.source = 'EXTERNAL' AND e.employee_id IS NOT NULL) c
       WHERE "sortKey" COLLATE "C" > $1 ORDER BY "sortKey" COLLATE "C" LIMIT $2`,
      [after, limit],
    );
  }

  /** One row per claim (or one for an item without claims), by item key then competency. */
  async evidencePage(
    after: { key: string; competencyId: string },
    limit: number,
  ): Promise<(ExistingEvidence & { competencyId: string | null; level: number | null })[]> {
    return this.m.query(
      `SELECT ${EVIDENCE_SELECT}, c.competency_id AS "competencyId", c.level
       FROM evidence ev JOIN educator ed ON ed.id = ev.educator_id LEFT JOIN evidence_claim c ON c.evidence_id = ev.id
       WHERE ed.employee_id IS NOT NULL AND ev.deleted_at IS NULL
         AND (coalesce(ev.district_key, ev.id::text) COLLATE "C", coalesce(c.competency_id, '00000000-0000-0000-0000-000000000000'::uuid))
           > ($1 COLLATE "C", $2::uuid)
       ORDER BY coalesce(ev.district_key, ev.id::text) COLLATE "C", coalesce(c.competency_id, '00000000-0000-0000-0000-000000000000'::uuid) LIMIT $3`,
      [after.key, after.competencyId, limit],
    );
  }

  async decisionsPage(after: string, limit: number): Promise<ExistingDecision[]> {
    return this.m.query(
      `SELECT coalesce(ev.district_key, ev.id::text) AS key, ev.version, d.status AS decision, d.decision_reason AS reason,
         to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "decidedOn"
       FROM evidence ev JOIN LATERAL (SELECT status, decision_reason, decided_at FROM verification_request r
           WHERE r.evidence_id = ev.id AND r.status <> 'PENDING' ORDER BY r.decided_at DESC, r.id DESC LIMIT 1) d ON true
       WHERE ev.deleted_at IS NULL AND coalesce(ev.district_key, ev.id::text) COLLATE "C" > $1 ORDER BY coalesce(ev.district_key, ev.id::text) COLLATE "C" LIMIT $2`,
      [after, limit],
    );
  }
}

const EVIDENCE_WRITE_COLUMNS = `kind, title, description, url, started_on, ended_on, issuer, credential_id, issued_on, expires_on, pilot_part,
  classrooms, teachers, students, outcomes, sessions, attendees, venue, hours, provider`;
const EVIDENCE_WRITE_TYPES = `$1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[], $7::date[], $8::date[], $9::varchar[], $10::varchar[],
  $11::date[], $12::date[], $13::varchar[], $14::int[], $15::int[], $16::int[], $17::text[], $18::int[], $19::int[], $20::varchar[], $21::numeric[], $22::varchar[]`;

function evidenceArrays(rows: EvidenceWrite[]): unknown[] {
  return [
    rows.map((r) => r.kind),
    rows.map((r) => r.common.title),
    rows.map((r) => r.common.description),
    rows.map((r) => r.common.url),
    rows.map((r) => r.common.startedOn),
    rows.map((r) => r.common.endedOn),
    ...(
      [
        'issuer',
        'credentialId',
        'issuedOn',
        'expiresOn',
        'pilotPart',
        'classrooms',
        'teachers',
        'students',
        'outcomes',
        'sessions',
        'attendees',
        'venue',
        'hours',
        'provider',
      ] as const
    ).map((k) => rows.map((r) => r.details[k])),
  ];
}

/** Column arrays for unnest from rows: `pick` gives one row's values in column order. */
function cols<T>(rows: T[], pick: (r: T) => unknown[], n: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: n }, () => []);
  for (const r of rows) pick(r).forEach((v, i) => out[i].push(v));
  return out;
}

function educatorArrays(rows: { buildingId: string; row: EducatorRow }[]): unknown[] {
  return [
    rows.map((r) => r.row.employeeId),
    rows.map((r) => r.row.fullName),
    rows.map((r) => r.row.workEmail),
    rows.map((r) => r.buildingId),
    rows.map((r) => r.row.currentAssignment),
    rows.map((r) => r.row.hireDate),
    rows.map((r) => r.row.leavingDate),
  ];
}
