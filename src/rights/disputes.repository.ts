import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DisputeRow {
  id: string;
  educator_id: string;
  educator_name: string;
  kind: string;
  subject_id: string;
  subject_label: string;
  context: Record<string, unknown>;
  statement: string;
  status: string;
  outcome: string | null;
  resolved_at: Date | null;
  resolved_by_email: string | null;
  created_at: Date;
  version: number;
}

/** Subject of a dispute as the database holds it: whose it is, and the decision as it stands. */
export interface DisputeSubject {
  educatorId: string;
  label: string;
  status: string;
  context: Record<string, unknown>;
  offerStatuses?: string[];
}

const SELECT = `SELECT d.id, d.educator_id, ed.full_name AS educator_name, d.kind, d.subject_id, d.subject_label, d.context, d.statement, d.status,
  d.outcome, d.resolved_at, d.resolved_by_email, d.created_at, d.version FROM dispute d JOIN educator ed ON ed.id = d.educator_id`;

/** Every statement of the disputes use cases. */
@Injectable()
export class DisputesRepository {
  async verificationRequest(m: EntityManager, id: string): Promise<DisputeSubject | null> {
    const [r] = await m.query(
      `SELECT vr.educator_id, vr.status, vr.decision_reason, vr.decided_at, vr.decided_by_email, vr.evidence_id, e.title
         FROM verification_request vr JOIN evidence e ON e.id = vr.evidence_id WHERE vr.id = $1`,
      [id],
    );
    if (!r) return null;
    return {
      educatorId: r.educator_id,
      status: r.status,
      label: `Verification decision ${r.status} on "${r.title}"`,
      context: {
        evidenceId: r.evidence_id,
        evidenceTitle: r.title,
        decision: r.status,
        reason: r.decision_reason,
        decidedAt: r.decided_at,
        decidedBy: r.decided_by_email,
      },
    };
  }

  async evidence(m: EntityManager, id: string): Promise<DisputeSubject | null> {
    const [r] = await m.query('SELECT educator_id, title, verification_status, verified_by, verified_at FROM evidence WHERE id = $1', [id]);
    if (!r) return null;
    return {
      educatorId: r.educator_id,
      status: r.verification_status,
      label: `Verification status ${r.verification_status} of "${r.title}"`,
      context: { evidenceTitle: r.title, verificationStatus: r.verification_status, verifiedBy: r.verified_by, verifiedAt: r.verified_at },
    };
  }

  /** A role the educator can be explained against: an OPEN role, or any role they applied to. */
  async role(m: EntityManager, id: string, educatorId: string): Promise<{ title: string; status: string; applied: boolean } | null> {
    const [r] = await m.query(
      `SELECT title, status, EXISTS (SELECT 1 FROM application a WHERE a.role_id = r.id AND a.educator_id = $2) AS applied FROM hybrid_role r WHERE id = $1`,
      [id, educatorId],
    );
    return r ? { title: r.title, status: r.status, applied: r.applied } : null;
  }

  async application(m: EntityManager, id: string): Promise<DisputeSubject | null> {
    const [r] = await m.query(
      `SELECT a.educator_id, a.status, a.role_id, r.title,
              (SELECT t.reason FROM application_transition t WHERE t.application_id = a.id ORDER BY t.at DESC, t.id DESC LIMIT 1) AS last_reason,
              coalesce((SELECT array_agg(o.status::text ORDER BY o.made_at) FROM offer o WHERE o.application_id = a.id), '{}') AS offers,
              (SELECT o.closed_reason FROM offer o WHERE o.application_id = a.id AND o.closed_reason IS NOT NULL ORDER BY o.made_at DESC LIMIT 1) AS closed_reason
         FROM application a JOIN hybrid_role r ON r.id = a.role_id WHERE a.id = $1`,
      [id],
    );
    if (!r) return null;
    return {
      educatorId: r.educator_id,
      status: r.status,
      offerStatuses: r.offers,
      label: `Application to "${r.title}": ${r.status}`,
      context: {
        roleId: r.role_id,
        roleTitle: r.title,
        status: r.status,
        reason: r.last_reason,
        offers: r.offers,
        offerClosedReason: r.closed_reason,
      },
    };
  }

  /** Inserts an OPEN dispute unless one is already open for the same subject (the partial unique index decides races). */
  async insertOpen(
    m: EntityManager,
    d: { educatorId: string; kind: string; subjectId: string; label: string; context: Record<string, unknown>; statement: string },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO dispute (educator_id, kind, subject_id, subject_label, context, statement, status, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', 1)
       ON CONFLICT (educator_id, kind, subject_id) WHERE status = 'OPEN' DO NOTHING RETURNING id`,
      [d.educatorId, d.kind, d.subjectId, d.label.slice(0, 300), JSON.stringify(d.context), d.statement],
    );
    return rows[0]?.id ?? null;
  }

  async lock(
    m: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    educator_id: string;
    kind: string;
    subject_id: string;
    subject_label: string;
    status: string;
    version: number;
  } | null> {
    const [r] = await m.query(
      'SELECT id, educator_id, kind, subject_id, subject_label, status, version FROM dispute WHERE id = $1 FOR UPDATE',
      [id],
    );
    return r ?? null;
  }

  async resolve(m: EntityManager, id: string, r: { status: string; outcome: string; accountId: string; email: string }): Promise<void> {
    await m.query(
      `UPDATE dispute SET status = $2, outcome = $3, resolved_at = now(), resolved_by_account_id = $4, resolved_by_email = $5, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, r.status, r.outcome, r.accountId, r.email],
    );
  }

  async one(m: EntityManager, id: string): Promise<DisputeRow | null> {
    const [r] = await m.query(`${SELECT} WHERE d.id = $1`, [id]);
    return r ?? null;
  }

  async ofEducator(m: EntityManager, educatorId: string): Promise<DisputeRow[]> {
    return m.query(`${SELECT} WHERE d.educator_id = $1 ORDER BY d.created_at, d.id`, [educatorId]);
  }

  /** Oldest first, with facet counts: by status within the kind filter, by kind within the status filter. */
  async queue(m: EntityManager, f: { status?: string; kind?: string }, first: number, offset: number) {
    const where = (withStatus: boolean, withKind: boolean, params: unknown[]) => {
      const c: string[] = [];
      if (withStatus && f.status) c.push(`d.status = $${params.push(f.status)}`);
      if (withKind && f.kind) c.push(`d.kind = $${params.push(f.kind)}`);
      return c.length ? `WHERE ${c.join(' AND ')}` : '';
    };
    const p: unknown[] = [];
    const w = where(true, true, p);
    const rows: DisputeRow[] = await m.query(`${SELECT} ${w} ORDER BY d.created_at, d.id LIMIT ${first} OFFSET ${offset}`, p);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM dispute d ${w}`, p);
    const ps: unknown[] = [];
    const byStatus: Array<{ value: string; count: number }> = await m.query(
      `SELECT d.status AS value, count(*)::int AS count FROM dispute d ${where(false, true, ps)} GROUP BY d.status ORDER BY d.status`,
      ps,
    );
    const pk: unknown[] = [];
    const byKind: Array<{ value: string; count: number }> = await m.query(
      `SELECT d.kind AS value, count(*)::int AS count FROM dispute d ${where(true, false, pk)} GROUP BY d.kind ORDER BY d.kind`,
      pk,
    );
    return { rows, total: n as number, byStatus, byKind };
  }
}
