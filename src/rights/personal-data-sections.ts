import type { EntityManager } from 'typeorm';

/** Whose data a section reads. */
export interface ExportSubject {
  educatorId: string;
  accountId: string | null;
}

/**
 * One part of the personal-data export: a name (the key in the document) and what it reads. The export is the list
 * below in order; a module holding more personal data adds a section here (and erasure removes or anonymises it).
 */
export interface ExportSection {
  name: string;
  description: string;
  build(m: EntityManager, s: ExportSubject): Promise<unknown>;
}

/** Application statuses in which the panel's work on the application is over. */
const CLOSED_APPLICATION = `a.status NOT IN ('SUBMITTED','SCREENED','SHORTLISTED','INTERVIEW','OFFERED')`;

export const PERSONAL_DATA_SECTIONS: ExportSection[] = [
  {
    name: 'account',
    description: 'Your sign-in account: email, name, personas, dates. Never a password hash or token.',
    build: async (m, s) => {
      if (!s.accountId) return null;
      const [a] = await m.query(
        `SELECT id, email, display_name AS "displayName", personas, password_hash IS NOT NULL AS "hasPassword", disabled_at AS "disabledAt",
                created_at AS "createdAt", updated_at AS "updatedAt" FROM account WHERE id = $1`,
        [s.accountId],
      );
      return a ?? null;
    },
  },
  {
    name: 'profile',
    description: 'Your educator profile',
    build: async (m, s) => {
      const [e] = await m.query(
        `SELECT ed.id, ed.employee_id AS "employeeId", ed.full_name AS "fullName", ed.work_email AS "workEmail", ed.building_id AS "buildingId",
                b.name AS "buildingName", ed.current_assignment AS "currentAssignment", ed.hire_date::text AS "hireDate", ed.leaving_date::text AS "leavingDate",
                ed.created_at AS "createdAt", ed.updated_at AS "updatedAt"
           FROM educator ed JOIN building b ON b.id = ed.building_id WHERE ed.id = $1`,
        [s.educatorId],
      );
      return e ?? null;
    },
  },
  {
    name: 'buildingHistory',
    description: 'The buildings you were assigned to, and when',
    build: (m, s) =>
      m.query(
        `SELECT ba.building_id AS "buildingId", b.name AS "buildingName", ba.starts_on::text AS "startsOn", ba.ends_on::text AS "endsOn", ba.created_at AS "recordedAt"
         FROM building_assignment ba JOIN building b ON b.id = ba.building_id WHERE ba.educator_id = $1 ORDER BY ba.starts_on, ba.id`,
        [s.educatorId],
      ),
  },
  {
    name: 'evidence',
    description: 'Every evidence item with its competency claims and its history (each recorded change: what, when, by whom)',
    build: async (m, s) => {
      const items: Array<Record<string, unknown> & { id: string }> = await m.query(
        `SELECT e.*, coalesce((SELECT json_agg(json_build_object('competencyId', c.competency_id, 'competencyCode', co.code, 'competencyName', co.name, 'level', c.level)
                                      ORDER BY co.code) FROM evidence_claim c JOIN competency co ON co.id = c.competency_id WHERE c.evidence_id = e.id), '[]') AS claims
           FROM evidence e WHERE e.educator_id = $1 ORDER BY e.created_at, e.id`,
        [s.educatorId],
      );
      const ids = items.map((i) => i.id);
      const history: Array<{
        target_id: string;
        at: Date;
        action: string;
        persona: string | null;
        actor_email: string | null;
        changes: unknown;
      }> = ids.length
        ? await m.query(
            `SELECT target_id, at, action, persona, actor_email, changes FROM audit_entry
            WHERE target_type = 'Evidence' AND target_id = ANY($1::text[]) ORDER BY id`,
            [ids],
          )
        : [];
      return items.map((i) => ({
        ...camel(i),
        history: history
          .filter((h) => h.target_id === i.id)
          .map((h) => ({ at: h.at, action: h.action, byPersona: h.persona, by: h.actor_email, changes: h.changes })),
      }));
    },
  },
  {
    name: 'verificationRequests',
    description: 'Your requests for verification and the decisions, with their reasons',
    build: (m, s) =>
      m.query(
        `SELECT id, evidence_id AS "evidenceId", status, note, links, requested_at AS "requestedAt", decided_at AS "decidedAt", decided_by_email AS "decidedBy",
              decision_reason AS "decisionReason" FROM verification_request WHERE educator_id = $1 ORDER BY requested_at, id`,
        [s.educatorId],
      ),
  },
  {
    name: 'applications',
    description: 'Your applications, each with every step of its pipeline',
    build: (m, s) =>
      m.query(
        `SELECT a.id, a.role_id AS "roleId", r.title AS "roleTitle", a.status, a.statement, a.submitted_at AS "submittedAt", a.updated_at AS "updatedAt",
              coalesce((SELECT json_agg(json_build_object('from', t.from_status, 'to', t.to_status, 'at', t.at, 'reason', t.reason) ORDER BY t.at, t.id)
                          FROM application_transition t WHERE t.application_id = a.id), '[]') AS transitions
         FROM application a JOIN hybrid_role r ON r.id = a.role_id WHERE a.educator_id = $1 ORDER BY a.submitted_at, a.id`,
        [s.educatorId],
      ),
  },
  {
    name: 'invitations',
    description: 'Invitations to apply that HR sent you',
    build: (m, s) =>
      m.query(
        `SELECT i.id, i.role_id AS "roleId", r.title AS "roleTitle", i.status, i.message, i.invited_at AS "invitedAt", i.responded_at AS "respondedAt",
                i.closed_reason AS "closedReason"
         FROM invitation i JOIN hybrid_role r ON r.id = i.role_id WHERE i.educator_id = $1 ORDER BY i.invited_at, i.id`,
        [s.educatorId],
      ),
  },
  {
    name: 'offers',
    description: 'Offers made to you, with their terms and outcome',
    build: (m, s) =>
      m.query(
        `SELECT o.id, o.application_id AS "applicationId", o.role_id AS "roleId", r.title AS "roleTitle", o.status, o.role_fte::float AS "roleFte",
              o.starts_on::text AS "startsOn", o.ends_on::text AS "endsOn", o.made_at AS "madeAt", o.responded_at AS "respondedAt", o.closed_reason AS "closedReason"
         FROM offer o JOIN hybrid_role r ON r.id = o.role_id WHERE o.educator_id = $1 ORDER BY o.made_at, o.id`,
        [s.educatorId],
      ),
  },
  {
    name: 'panelScores',
    description:
      'Submitted panel scores about you, once the application is no longer with the panel (drafts never); panelists shown as "Panelist 1", "Panelist 2" per application',
    build: (m, s) =>
      m.query(
        `SELECT a.id AS "applicationId", r.title AS "roleTitle", 'Panelist ' || dense_rank() OVER (PARTITION BY a.id ORDER BY ps.account_id) AS panelist,
              co.code AS "competencyCode", co.name AS "competencyName", ps.score, ps.comment, ps.submitted_at AS "submittedAt"
         FROM panel_score ps JOIN application a ON a.id = ps.application_id JOIN hybrid_role r ON r.id = a.role_id JOIN competency co ON co.id = ps.competency_id
        WHERE a.educator_id = $1 AND ps.submitted_at IS NOT NULL AND ${CLOSED_APPLICATION}
        ORDER BY a.submitted_at, a.id, panelist, co.code`,
        [s.educatorId],
      ),
  },
  {
    name: 'commitments',
    description: 'Your hybrid commitments (from accepted offers or recorded by HR)',
    build: (m, s) =>
      m.query(
        `SELECT hc.id, hc.role_id AS "roleId", coalesce(r.title, hc.role_title) AS "roleTitle", hc.role_fte::float AS "roleFte", hc.starts_on::text AS "startsOn",
              hc.ends_on::text AS "endsOn", hc.source, hc.created_at AS "createdAt"
         FROM hybrid_commitment hc LEFT JOIN hybrid_role r ON r.id = hc.role_id WHERE hc.educator_id = $1 ORDER BY hc.starts_on, hc.id`,
        [s.educatorId],
      ),
  },
  {
    name: 'disputes',
    description: 'Your disputes and their outcomes',
    build: (m, s) =>
      m.query(
        `SELECT id, kind, subject_id AS "subjectId", subject_label AS "subjectLabel", context, statement, status, outcome, created_at AS "filedAt",
              resolved_at AS "resolvedAt", resolved_by_email AS "resolvedBy" FROM dispute WHERE educator_id = $1 ORDER BY created_at, id`,
        [s.educatorId],
      ),
  },
  {
    name: 'credentials',
    description: 'Verifiable credentials you imported and the district issued to you',
    build: async (m, s) => ({
      imported: await m.query(
        `SELECT id, evidence_id AS "evidenceId", format, issuer_id AS "issuerId", status, trusted, valid_until AS "validUntil", created_at AS "importedAt"
           FROM imported_credential WHERE educator_id = $1 ORDER BY created_at, id`,
        [s.educatorId],
      ),
      issued: await m.query(
        `SELECT id, evidence_id AS "evidenceId", created_at AS "issuedAt", issued_by AS "issuedBy", revoked_at AS "revokedAt", revocation_reason AS "revocationReason"
           FROM issued_credential WHERE educator_id = $1 ORDER BY created_at, id`,
        [s.educatorId],
      ),
      holderDid: (await m.query('SELECT did, created_at AS "linkedAt" FROM holder_did WHERE educator_id = $1', [s.educatorId]))[0] ?? null,
    }),
  },
  {
    name: 'selfIdentification',
    description: 'Your voluntary self-identification (read only by the fairness audit, as aggregates)',
    build: async (m, s) =>
      (
        await m.query(
          `SELECT sex, race_ethnicity AS "raceEthnicity", updated_at AS "updatedAt" FROM fairness.self_identification WHERE educator_id = $1`,
          [s.educatorId],
        )
      )[0] ?? null,
  },
  {
    name: 'notifications',
    description: 'Notifications sent or due to you, and your notification preferences (never a set-password link itself)',
    build: async (m, s) => ({
      preferences: s.accountId
        ? ((
            await m.query('SELECT new_role_alerts AS "newRoleAlerts" FROM notification_preference WHERE account_id = $1', [s.accountId])
          )[0] ?? null)
        : null,
      messages: await m.query(
        `SELECT id, kind, recipient_email AS "recipientEmail", subject, body, status, created_at AS "createdAt", sent_at AS "sentAt", read_at AS "readAt"
           FROM notification WHERE educator_id = $1 OR account_id = $2::uuid ORDER BY created_at, id`,
        [s.educatorId, s.accountId],
      ),
    }),
  },
  {
    name: 'accessTrail',
    description: 'Who read your evidence as a hiring panelist, and who exported your data, and when',
    build: (m, s) =>
      m.query(
        `SELECT at, action, persona, actor_email AS "by", changes->>'via' AS via FROM audit_entry
        WHERE action IN ('CANDIDATE_EVIDENCE_READ', 'PERSONAL_DATA_EXPORTED') AND target_type = 'Educator' AND target_id = $1
          AND actor_account_id IS DISTINCT FROM $2::uuid ORDER BY id`,
        [s.educatorId, s.accountId],
      ),
  },
];

function camel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v instanceof Date ? v : v]),
  );
}
