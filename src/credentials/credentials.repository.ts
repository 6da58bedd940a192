import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PortfolioCredential } from './domain/clr.js';
import type { CaseCompetency } from './domain/district-credential.js';
import type { HolderIdentity } from './domain/recipient.js';

/** The credentials module's SQL beyond simple finds. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly db: DataSource) {}

  /** The educator's e-mail addresses (profile and sign-in accounts) and linked DIDs; null when there is no such educator. */
  async holderIdentity(educatorId: string, m: EntityManager = this.db.manager): Promise<(HolderIdentity & { fullName: string }) | null> {
    const rows: Array<{ full_name: string; emails: string[]; dids: string[] | null }> = await m.query(
      `SELECT e.full_name,
              array_remove(array_agg(DISTINCT lower(a.email)) || ARRAY[lower(e.work_email)], NULL) AS emails,
              (SELECT array_agg(d.did) FROM holder_did d WHERE d.educator_id = e.id) AS dids
         FROM educator e LEFT JOIN account a ON a.educator_id = e.id
        WHERE e.id = $1
        GROUP BY e.id`,
      [educatorId],
    );
    if (!rows.length) return null;
    return { fullName: rows[0].full_name, emails: [...new Set(rows[0].emails)], dids: rows[0].dids ?? [] };
  }

  /** Competency levels that exist and are not retired (nor their framework), as "competencyId:level" keys. */
  async usableLevels(m: EntityManager, claims: Array<{ competencyId: string; level: number }>): Promise<Set<string>> {
    if (!claims.length) return new Set();
    const rows: Array<{ key: string }> = await m.query(
      `SELECT l.competency_id || ':' || l.level AS key
         FROM competency_level l JOIN competency c ON c.id = l.competency_id
        WHERE NOT (c.retired_at IS NOT NULL OR EXISTS (SELECT 1 FROM competency_framework f WHERE f.id = c.framework_id AND f.retired_at IS NOT NULL)) AND l.competency_id = ANY($1::uuid[])`,
      [[...new Set(claims.map((c) => c.competencyId))]],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Serialises imports of the same signed credential by the same educator, so a double submit stores it once. */
  async lockImport(m: EntityManager, educatorId: string, digest: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 14))', [`${educatorId}:${digest}`]);
  }

  /** The scheduled re-check runs on one instance at a time; false when another holds the sweep. */
  async tryLockSweep(m: EntityManager): Promise<boolean> {
    const [row]: Array<{ locked: boolean }> = await m.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('credential-status-recheck', 14)) AS locked`,
    );
    return row.locked;
  }

  /** Credentials due for a status re-check, locked; rows another transaction holds are skipped, not waited for. */
  async lockDue(m: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM imported_credential WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The competencies an evidence item claims, with their CASE item and document, in framework order. */
  async caseAlignments(m: EntityManager, evidenceId: string): Promise<CaseCompetency[]> {
    return m.query(
      `SELECT c.code, c.name, c.case_identifier::text AS "itemIdentifier", s.item->>'uri' AS "itemUri",
              f.case_identifier::text AS "frameworkIdentifier", f.title AS "frameworkTitle", d.document->>'title' AS "documentTitle"
         FROM evidence_claim ec
         JOIN competency c ON c.id = ec.competency_id
         JOIN competency_framework f ON f.id = c.framework_id
         LEFT JOIN case_item_source s ON s.competency_id = c.id
         LEFT JOIN case_document_source d ON d.framework_id = f.id
        WHERE ec.evidence_id = $1 ORDER BY f.title, c.sort_order, c.code`,
      [evidenceId],
    );
  }

  /** An educator's credentials for a learner record: district-issued ones not revoked, and imported ones with their standing. */
  async portfolioCredentials(educatorId: string, now: Date): Promise<PortfolioCredential[]> {
    const issued: Array<{ id: string; document: Record<string, unknown> }> = await this.db.query(
      `SELECT id, document FROM issued_credential WHERE educator_id = $1 AND revoked_at IS NULL ORDER BY created_at, id`,
      [educatorId],
    );
    const imported: Array<{ id: string; format: 'DATA_INTEGRITY' | 'VC_JWT'; document: string; verified: boolean }> = await this.db.query(
      `SELECT ic.id, ic.format, ic.document,
              (ic.trusted AND ic.status = 'ACTIVE' AND e.verification_status = 'VERIFIED' AND (ic.valid_until IS NULL OR ic.valid_until > $2)) AS verified
         FROM imported_credential ic JOIN evidence e ON e.id = ic.evidence_id
        WHERE ic.educator_id = $1 ORDER BY ic.created_at, ic.id`,
      [educatorId, now],
    );
    return [
      ...issued.map((r) => ({
        source: 'ISSUED' as const,
        sourceId: r.id,
        format: 'DATA_INTEGRITY' as const,
        document: r.document,
        verified: true,
      })),
      ...imported.map((r) => ({
        source: 'IMPORTED' as const,
        sourceId: r.id,
        format: r.format,
        document: r.document,
        verified: r.verified,
      })),
    ];
  }

  async nextStatusIndex(m: EntityManager): Promise<number> {
    const [row]: Array<{ n: string }> = await m.query(`SELECT nextval('credential_status_index') AS n`);
    return Number(row.n);
  }

  async revokedIndexes(): Promise<number[]> {
    const rows: Array<{ status_index: number }> = await this.db.query(
      'SELECT status_index FROM issued_credential WHERE revoked_at IS NOT NULL',
    );
    return rows.map((r) => r.status_index);
  }
}
