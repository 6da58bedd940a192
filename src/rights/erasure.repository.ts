import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ERASED_NAME, ERASED_TEXT, pseudonymiseCandidate, pseudonymiseValue } from './domain/pseudonym.js';

export interface ErasureTarget {
  id: string;
  version: number;
  leavingDate: string | null;
  erasedAt: Date | null;
  workEmail: string;
  fullName: string;
  accountId: string | null;
  accountEmail: string | null;
}

/** The person's own rows, whose ids become pseudonyms wherever they stay mentioned (the audit log, saved runs). */
export interface PersonIds {
  evidence: string[];
  verificationRequests: string[];
  disputes: string[];
  commitments: string[];
  assignments: string[];
  importedCredentials: string[];
}

/** Rows that stay (anonymised); audit entries about them are pseudonymised too, but their ids stay. */
export interface LinkedIds {
  applications: string[];
  offers: string[];
  invitations: string[];
  issuedCredentials: string[];
}

const ids = async (m: EntityManager, sql: string, params: unknown[]): Promise<string[]> =>
  ((await m.query(sql, params)) as Array<{ id: string }>).map((r) => r.id);

const count = (result: unknown): number => {
  // TypeORM's query() returns [rows, affected] for UPDATE/DELETE ... RETURNING-less statements on postgres.
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return 0;
};

/** The free-text fields of other people's records scanned for the person's name ($1: the person's educator id). */
const MENTION_SCAN: ReadonlyArray<{ table: string; column: string; from: string; field: string; notOwn: string }> = [
  ...['title', 'description', 'outcomes'].map((c) => ({
    table: 'evidence',
    column: c,
    from: 'evidence x',
    field: `x.${c}`,
    notOwn: 'x.educator_id <> $1',
  })),
  { table: 'application', column: 'statement', from: 'application x', field: 'x.statement', notOwn: 'x.educator_id <> $1' },
  {
    table: 'application_transition',
    column: 'reason',
    from: 'application_transition x JOIN application a ON a.id = x.application_id',
    field: 'x.reason',
    notOwn: 'a.educator_id <> $1',
  },
  {
    table: 'panel_score',
    column: 'comment',
    from: 'panel_score x JOIN application a ON a.id = x.application_id',
    field: 'x.comment',
    notOwn: 'a.educator_id <> $1',
  },
  { table: 'offer', column: 'override_reason', from: 'offer x', field: 'x.override_reason', notOwn: 'x.educator_id <> $1' },
  { table: 'invitation', column: 'message', from: 'invitation x', field: 'x.message', notOwn: 'x.educator_id <> $1' },
  { table: 'conflict_of_interest', column: 'reason', from: 'conflict_of_interest x', field: 'x.reason', notOwn: 'x.educator_id <> $1' },
  ...['statement', 'outcome'].map((c) => ({
    table: 'dispute',
    column: c,
    from: 'dispute x',
    field: `x.${c}`,
    notOwn: 'x.educator_id <> $1',
  })),
  ...['note', 'decision_reason'].map((c) => ({
    table: 'verification_request',
    column: c,
    from: 'verification_request x',
    field: `x.${c}`,
    notOwn: 'x.educator_id <> $1',
  })),
  {
    table: 'evidence_endorsement',
    column: 'reason',
    from: 'evidence_endorsement x JOIN evidence ev ON ev.id = x.evidence_id',
    field: 'x.reason',
    notOwn: 'ev.educator_id <> $1',
  },
];

/** Every statement of an erasure; each runs inside the caller's transaction. */
@Injectable()
export class ErasureRepository {
  /**
   * Other people's records whose free text names the person (their full name, any case), per table and field: erasure
   * does not rewrite those texts (a comment naming the person may be about someone else entirely), HR reviews them.
   * Counts only; one statement of plain scans (erasure is rare; nothing here is indexed for it).
   */
  async mentionsElsewhere(
    m: EntityManager,
    educatorId: string,
    fullName: string,
  ): Promise<Array<{ table: string; field: string; rows: number }>> {
    const name = fullName.trim();
    if (name.length < 3) return [];
    const counts = MENTION_SCAN.map(
      (s, i) => `SELECT ${i} AS i, count(*)::int AS rows FROM ${s.from} WHERE ${s.notOwn} AND strpos(lower(${s.field}), lower($2)) > 0`,
    ).join(' UNION ALL ');
    const rows: Array<{ i: number; rows: number }> = await m.query(counts, [educatorId, name]);
    return rows
      .filter((r) => r.rows > 0)
      .map((r) => ({ table: MENTION_SCAN[r.i].table, field: MENTION_SCAN[r.i].column, rows: r.rows }))
      .sort((a, b) => a.table.localeCompare(b.table) || a.field.localeCompare(b.field));
  }

  async lockPerson(m: EntityManager, educatorId: string): Promise<ErasureTarget | null> {
    const [r] = await m.query(
      `SELECT ed.id, ed.version, ed.leaving_date::text AS leaving_date, ed.erased_at, ed.work_email, ed.full_name, a.id AS account_id, a.email AS account_email
         FROM educator ed LEFT JOIN account a ON a.educator_id = ed.id WHERE ed.id = $1 FOR UPDATE OF ed`,
      [educatorId],
    );
    if (!r) return null;
    return {
      id: r.id,
      version: r.version,
      leavingDate: r.leaving_date,
      erasedAt: r.erased_at,
      workEmail: r.work_email,
      fullName: r.full_name,
      accountId: r.account_id,
      accountEmail: r.account_email,
    };
  }

  async personIds(m: EntityManager, educatorId: string): Promise<PersonIds> {
    return {
      evidence: await ids(m, 'SELECT id FROM evidence WHERE educator_id = $1', [educatorId]),
      verificationRequests: await ids(m, 'SELECT id FROM verification_request WHERE educator_id = $1', [educatorId]),
      disputes: await ids(m, 'SELECT id FROM dispute WHERE educator_id = $1', [educatorId]),
      commitments: await ids(m, 'SELECT id FROM hybrid_commitment WHERE educator_id = $1', [educatorId]),
      assignments: await ids(m, 'SELECT id FROM building_assignment WHERE educator_id = $1', [educatorId]),
      importedCredentials: await ids(m, 'SELECT id FROM imported_credential WHERE educator_id = $1', [educatorId]),
    };
  }

  async linkedIds(m: EntityManager, educatorId: string): Promise<LinkedIds> {
    return {
      applications: await ids(m, 'SELECT id FROM application WHERE educator_id = $1', [educatorId]),
      offers: await ids(m, 'SELECT id FROM offer WHERE educator_id = $1', [educatorId]),
      invitations: await ids(m, 'SELECT id FROM invitation WHERE educator_id = $1', [educatorId]),
      issuedCredentials: await ids(m, 'SELECT id FROM issued_credential WHERE educator_id = $1', [educatorId]),
    };
  }

  /**
   * Audit entries by, about or mentioning the person: ids to pseudonyms, personal text removed (`pseudonymiseValue`).
   * The trigger allows this update only with pathways.audit_pseudonymise set, for this transaction only.
   */
  async pseudonymiseAudit(
    m: EntityManager,
    p: { accountId: string | null; targets: string[]; docs: string[]; pseudonyms: ReadonlyMap<string, string> },
  ): Promise<number> {
    // Every branch is an index scan (actor, target id, GIN containment on changes): no pass over the whole log.
    const params: unknown[] = [p.accountId, p.targets];
    const contains = p.docs.map((d) => `changes @> $${params.push(d)}::jsonb`);
    const rows: Array<{
      id: string;
      actor_account_id: string | null;
      actor_email: string | null;
      target_id: string | null;
      changes: unknown;
    }> = await m.query(
      `SELECT id, actor_account_id, actor_email, target_id, changes FROM audit_entry
        WHERE actor_account_id = $1::uuid OR target_id = ANY($2::text[])${contains.length ? ` OR ${contains.join(' OR ')}` : ''}`,
      params,
    );
    if (!rows.length) return 0;
    const own = (v: string | null) => (v ? (p.pseudonyms.get(v.toLowerCase()) ?? null) : null);
    const next = rows.map((r) => ({
      id: r.id,
      actor: own(r.actor_account_id) ?? r.actor_account_id,
      email: r.actor_account_id && own(r.actor_account_id) ? null : r.actor_email && own(r.actor_email) ? null : r.actor_email,
      target: own(r.target_id) ?? r.target_id,
      changes: JSON.stringify(pseudonymiseValue(r.changes, p.pseudonyms)),
    }));
    await m.query(`SELECT set_config('pathways.audit_pseudonymise', 'on', true)`);
    await m.query(
      `UPDATE audit_entry a SET actor_account_id = v.actor, actor_email = v.email, target_id = v.target, changes = v.changes
         FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS v(id, actor, email, target, changes) WHERE a.id = v.id`,
      [next.map((n) => n.id), next.map((n) => n.actor), next.map((n) => n.email), next.map((n) => n.target), next.map((n) => n.changes)],
    );
    await m.query(`SELECT set_config('pathways.audit_pseudonymise', 'off', true)`);
    return rows.length;
  }

  /** Saved ranking runs keep every rank and score; the candidate as shown loses name, titles and summaries. */
  async pseudonymiseRankingResults(m: EntityManager, educatorId: string, pseudonyms: ReadonlyMap<string, string>): Promise<number> {
    const rows: Array<{ run_id: string; rank: number; candidate: unknown }> = await m.query(
      'SELECT run_id, rank, candidate FROM ranking_run_result WHERE educator_id = $1',
      [educatorId],
    );
    for (const r of rows) {
      await m.query('UPDATE ranking_run_result SET candidate = $3 WHERE run_id = $1 AND rank = $2', [
        r.run_id,
        r.rank,
        JSON.stringify(pseudonymiseCandidate(r.candidate, pseudonyms)),
      ]);
    }
    return rows.length;
  }

  /** Deletes the person's own rows; returns rows per table. Evidence goes with every row that hangs off it. */
  async deleteOwn(m: EntityManager, t: ErasureTarget, own: PersonIds): Promise<Record<string, number>> {
    const e = t.id;
    const out: Record<string, number> = {};
    out.offer_commitment_links = count(
      await m.query('UPDATE offer SET commitment_id = NULL WHERE commitment_id = ANY($1::uuid[])', [own.commitments]),
    );
    out.verification_request = own.verificationRequests.length;
    out.imported_credential = count(await m.query('DELETE FROM imported_credential WHERE educator_id = $1', [e]));
    out.evidence = count(await m.query('DELETE FROM evidence WHERE educator_id = $1', [e]));
    out.building_assignment = count(await m.query('DELETE FROM building_assignment WHERE educator_id = $1', [e]));
    out.hybrid_commitment = count(await m.query('DELETE FROM hybrid_commitment WHERE educator_id = $1', [e]));
    out.dispute = count(await m.query('DELETE FROM dispute WHERE educator_id = $1', [e]));
    out.holder_did = count(await m.query('DELETE FROM holder_did WHERE educator_id = $1', [e]));
    out.self_identification = count(await m.query('DELETE FROM fairness.self_identification WHERE educator_id = $1', [e]));
    const emails = [t.accountEmail, t.workEmail].filter((x): x is string => !!x).map((x) => x.toLowerCase());
    out.notification = count(
      await m.query(
        'DELETE FROM notification WHERE educator_id = $1 OR account_id = $2::uuid OR lower(recipient_email) = ANY($3::text[])',
        [e, t.accountId, emails],
      ),
    );
    if (t.accountId) {
      out.notification_preference = count(await m.query('DELETE FROM notification_preference WHERE account_id = $1', [t.accountId]));
      out.account_password_link = count(await m.query('DELETE FROM account_password_link WHERE account_id = $1', [t.accountId]));
      out.sign_in_limit = count(
        await m.query('DELETE FROM sign_in_limit WHERE key = ANY($1::text[])', [emails.map((x) => `account:${x}`)]),
      );
    }
    return out;
  }

  /** Rows that stay for the hiring history, with the person's words and names removed. */
  async anonymiseKept(
    m: EntityManager,
    t: ErasureTarget,
    pseudonyms: { educator: string; account: string | null },
  ): Promise<Record<string, number>> {
    const e = t.id;
    const out: Record<string, number> = {};
    out.application = count(await m.query(`UPDATE application SET statement = '' WHERE educator_id = $1`, [e]));
    out.application_transition = count(
      await m.query(
        `UPDATE application_transition t SET reason = '',
              actor_account_id = CASE WHEN t.actor_account_id = $2::uuid THEN $3::uuid ELSE t.actor_account_id END,
              actor_email = CASE WHEN t.actor_account_id = $2::uuid THEN NULL ELSE t.actor_email END
         FROM application a WHERE a.id = t.application_id AND a.educator_id = $1`,
        [e, t.accountId, pseudonyms.account],
      ),
    );
    out.invitation = count(await m.query(`UPDATE invitation SET message = '' WHERE educator_id = $1`, [e]));
    out.offer = count(
      await m.query(`UPDATE offer SET override_reason = CASE WHEN override THEN $2 ELSE NULL END WHERE educator_id = $1`, [e, ERASED_TEXT]),
    );
    out.panel_score = count(
      await m.query(`UPDATE panel_score ps SET comment = '' FROM application a WHERE a.id = ps.application_id AND a.educator_id = $1`, [e]),
    );
    out.conflict_of_interest = count(await m.query(`UPDATE conflict_of_interest SET reason = '' WHERE educator_id = $1`, [e]));
    out.issued_credential = count(
      await m.query(`UPDATE issued_credential SET document = '{}'::jsonb, jwt = '' WHERE educator_id = $1`, [e]),
    );
    // Messages to other people that name the person (an offer answered, to HR): the name is replaced.
    out.notification = count(
      await m.query(
        `UPDATE notification SET subject = replace(subject, $1, $2), body = replace(body, $1, $2)
        WHERE strpos(body, $1) > 0 OR strpos(subject, $1) > 0`,
        [t.fullName, ERASED_NAME],
      ),
    );
    const erasedEmail = (p: string) => `erased-${p}@erased.invalid`;
    if (t.accountId) {
      out.account = count(
        await m.query(
          `UPDATE account SET email = $2, display_name = $3, password_hash = NULL, personas = '{}', educator_id = NULL,
                disabled_at = coalesce(disabled_at, now()), token_version = token_version + 1, version = version + 1, updated_at = now()
          WHERE id = $1`,
          [t.accountId, erasedEmail(pseudonyms.account!), ERASED_NAME],
        ),
      );
    }
    out.educator = count(
      await m.query(
        `UPDATE educator SET full_name = $2, work_email = $3, employee_id = NULL, current_assignment = '', hire_date = leaving_date,
              erased_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [e, ERASED_NAME, erasedEmail(pseudonyms.educator)],
      ),
    );
    return out;
  }
}
