import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Json } from './domain/case-types.js';
import type { FrameworkSnapshot, SnapshotAssociation, SnapshotCompetency, SnapshotGrouping } from './domain/framework-snapshot.js';

export interface FrameworkRow {
  id: string;
  code: string;
  title: string;
  caseIdentifier: string;
  publication: string;
  version: number;
  updatedAt: Date;
  retired: boolean;
}

/** Every CASE query: reading a framework as a snapshot, finding nodes by identifier, and the bulk writes of an import. */
@Injectable()
export class CaseRepository {
  constructor(private readonly db: DataSource) {}

  async frameworks(m: EntityManager = this.db.manager): Promise<FrameworkRow[]> {
    return m.query(
      `SELECT id, code, title, case_identifier AS "caseIdentifier", publication, version, updated_at AS "updatedAt", retired_at IS NOT NULL AS retired
         FROM competency_framework ORDER BY code`,
    );
  }

  async frameworkByCaseId(caseId: string, m: EntityManager = this.db.manager, lock = false): Promise<FrameworkRow | null> {
    const [row] = await m.query(
      `SELECT id, code, title, case_identifier AS "caseIdentifier", publication, version, updated_at AS "updatedAt", retired_at IS NOT NULL AS retired
         FROM competency_framework WHERE case_identifier = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    return row ?? null;
  }

  async frameworkById(id: string, m: EntityManager = this.db.manager): Promise<FrameworkRow | null> {
    const [row] = await m.query(
      `SELECT id, code, title, case_identifier AS "caseIdentifier", publication, version, updated_at AS "updatedAt", retired_at IS NOT NULL AS retired
         FROM competency_framework WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Which framework publishes a node (item, association, rubric) with this identifier. */
  async frameworkOfNode(kind: 'item' | 'association' | 'rubric', identifier: string): Promise<string | null> {
    const sql = {
      item: `SELECT framework_id AS id FROM competency WHERE case_identifier = $1 AND retired_at IS NULL
             UNION ALL SELECT framework_id FROM case_grouping WHERE case_identifier = $1 AND retired_at IS NULL`,
      association: `SELECT framework_id AS id FROM competency WHERE case_child_of_identifier = $1 AND retired_at IS NULL
             UNION ALL SELECT framework_id FROM case_grouping WHERE case_child_of_identifier = $1 AND retired_at IS NULL
             UNION ALL SELECT framework_id FROM case_association WHERE case_identifier = $1`,
      rubric: `SELECT id FROM competency_framework WHERE case_rubric_identifier = $1`,
    }[kind];
    const [row] = await this.db.query(sql, [identifier]);
    return row?.id ?? null;
  }

  async snapshot(frameworkId: string, m: EntityManager = this.db.manager): Promise<FrameworkSnapshot> {
    const [fw] = await m.query(
      `SELECT f.id, f.code, f.title, f.description, f.publisher, f.case_identifier AS "caseIdentifier",
              f.case_rubric_identifier AS "caseRubricIdentifier", f.updated_at AS "updatedAt", f.retired_at AS "retiredAt", d.document, d.rubric
         FROM competency_framework f LEFT JOIN case_document_source d ON d.framework_id = f.id WHERE f.id = $1`,
      [frameworkId],
    );
    const groupings: SnapshotGrouping[] = await m.query(
      `SELECT id, case_identifier AS "caseIdentifier", case_child_of_identifier AS "caseChildOfIdentifier", parent_id AS "parentId",
              name, code, sort_order AS "sortOrder", item, child_of AS "childOf"
         FROM case_grouping WHERE framework_id = $1 AND retired_at IS NULL ORDER BY sort_order, name`,
      [frameworkId],
    );
    const competencies: SnapshotCompetency[] = await m.query(
      `SELECT c.id, c.code, c.name, c.description, c.dimension, c.sort_order AS "sortOrder", c.updated_at AS "updatedAt",
              c.case_identifier AS "caseIdentifier", c.case_child_of_identifier AS "caseChildOfIdentifier",
              c.case_criterion_identifier AS "caseCriterionIdentifier", s.grouping_id AS "groupingId", s.item, s.child_of AS "childOf",
              coalesce((SELECT json_agg(json_build_object('level', l.level, 'label', l.label, 'descriptor', l.descriptor,
                        'caseIdentifier', l.case_identifier) ORDER BY l.level) FROM competency_level l WHERE l.competency_id = c.id), '[]') AS levels
         FROM competency c LEFT JOIN case_item_source s ON s.competency_id = c.id
        WHERE c.framework_id = $1 AND c.retired_at IS NULL ORDER BY c.sort_order, c.code`,
      [frameworkId],
    );
    const associations: SnapshotAssociation[] = await m.query(
      `SELECT a.case_identifier AS "caseIdentifier", a.association_type AS "associationType", a.origin_identifier AS "originIdentifier",
              a.origin_uri AS "originUri", coalesce(oc.name, a.origin_title) AS "originTitle", a.destination_identifier AS "destinationIdentifier",
              a.destination_uri AS "destinationUri", coalesce(dc.name, a.destination_title) AS "destinationTitle", a.sequence_number AS "sequenceNumber",
              a.last_change_at AS "lastChangeAt", a.source,
              a.origin_competency_id IS NOT NULL AS "originLinked", os.item->>'uri' AS "originItemUri",
              a.destination_competency_id IS NOT NULL AS "destinationLinked", ds.item->>'uri' AS "destinationItemUri"
         FROM case_association a
         LEFT JOIN competency oc ON oc.id = a.origin_competency_id LEFT JOIN case_item_source os ON os.competency_id = a.origin_competency_id
         LEFT JOIN competency dc ON dc.id = a.destination_competency_id LEFT JOIN case_item_source ds ON ds.competency_id = a.destination_competency_id
        WHERE a.framework_id = $1 ORDER BY a.created_at, a.case_identifier`,
      [frameworkId],
    );
    return {
      framework: {
        id: fw.id,
        code: fw.code,
        title: fw.title,
        description: fw.description,
        publisher: fw.publisher,
        caseIdentifier: fw.caseIdentifier,
        caseRubricIdentifier: fw.caseRubricIdentifier,
        updatedAt: fw.updatedAt,
        retiredAt: fw.retiredAt ?? null,
      },
      document: fw.document ?? null,
      rubric: fw.rubric ?? null,
      groupings,
      competencies: competencies.map((c) => ({ ...c, updatedAt: new Date(c.updatedAt) })),
      associations,
    };
  }

  /** Existing nodes of any framework with these identifiers, to match an import and to link crosswalk ends. */
  async nodesByIdentifier(
    identifiers: string[],
    m: EntityManager,
  ): Promise<
    Array<{
      identifier: string;
      kind: 'competency' | 'grouping';
      id: string;
      frameworkId: string;
      code: string;
      retired: boolean;
      inUse: boolean;
    }>
  > {
    if (!identifiers.length) return [];
    return m.query(
      `SELECT c.case_identifier::text AS identifier, 'competency' AS kind, c.id, c.framework_id AS "frameworkId", c.code,
              c.retired_at IS NOT NULL AS retired,
              (EXISTS (SELECT 1 FROM evidence_claim e WHERE e.competency_id = c.id) OR EXISTS (SELECT 1 FROM role_requirement r WHERE r.competency_id = c.id)) AS "inUse"
         FROM competency c WHERE c.case_identifier = ANY($1::uuid[])
       UNION ALL
       SELECT g.case_identifier::text, 'grouping', g.id, g.framework_id, coalesce(g.code, ''), g.retired_at IS NOT NULL, false
         FROM case_grouping g WHERE g.case_identifier = ANY($1::uuid[])`,
      [identifiers],
    );
  }

  async liveNodesOf(
    frameworkId: string,
    m: EntityManager,
  ): Promise<Array<{ identifier: string; kind: string; id: string; code: string; inUse: boolean }>> {
    return m.query(
      `SELECT c.case_identifier::text AS identifier, 'competency' AS kind, c.id, c.code,
              (EXISTS (SELECT 1 FROM evidence_claim e WHERE e.competency_id = c.id) OR EXISTS (SELECT 1 FROM role_requirement r WHERE r.competency_id = c.id)) AS "inUse"
         FROM competency c WHERE c.framework_id = $1 AND c.retired_at IS NULL
       UNION ALL
       SELECT g.case_identifier::text, 'grouping', g.id, coalesce(g.code, ''), false FROM case_grouping g WHERE g.framework_id = $1 AND g.retired_at IS NULL`,
      [frameworkId],
    );
  }

  /** Identifiers of associations published by another framework than this one (null: any framework). */
  async associationsElsewhere(identifiers: string[], frameworkId: string | null, m: EntityManager): Promise<string[]> {
    if (!identifiers.length) return [];
    const rows: Array<{ id: string }> = await m.query(
      `SELECT case_identifier::text AS id FROM case_association WHERE case_identifier = ANY($1::uuid[]) AND ($2::uuid IS NULL OR framework_id <> $2::uuid)`,
      [identifiers, frameworkId],
    );
    return rows.map((r) => r.id);
  }

  /** Identifiers of the associations an earlier import of this framework brought. */
  async importedAssociationIds(frameworkId: string, m: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT case_identifier::text AS id FROM case_association WHERE framework_id = $1 AND source IS NOT NULL`,
      [frameworkId],
    );
    return rows.map((r) => r.id);
  }

  async codesOf(frameworkId: string, m: EntityManager): Promise<Array<{ code: string; identifier: string }>> {
    return m.query(`SELECT code, case_identifier::text AS identifier FROM competency WHERE framework_id = $1`, [frameworkId]);
  }

  async upsertGroupings(frameworkId: string, rows: Json[], m: EntityManager): Promise<void> {
    if (!rows.length) return;
    await m.query(
      `INSERT INTO case_grouping (framework_id, case_identifier, case_child_of_identifier, name, code, sort_order, item, child_of)
       SELECT $1, x.identifier, coalesce(x.child_of_identifier, gen_random_uuid()), x.name, x.code, x.sort_order, x.item, x.child_of
         FROM jsonb_to_recordset($2::jsonb) AS x(identifier uuid, child_of_identifier uuid, name text, code text, sort_order int, item jsonb, child_of jsonb)
       ON CONFLICT (case_identifier) DO UPDATE SET name = excluded.name, code = excluded.code, sort_order = excluded.sort_order,
              item = excluded.item, child_of = excluded.child_of, case_child_of_identifier = excluded.case_child_of_identifier, retired_at = NULL`,
      [frameworkId, JSON.stringify(rows)],
    );
    await m.query(
      `UPDATE case_grouping g SET parent_id = p.id
         FROM jsonb_to_recordset($2::jsonb) AS x(identifier uuid, parent uuid)
         LEFT JOIN case_grouping p ON p.case_identifier = x.parent
        WHERE g.case_identifier = x.identifier AND g.framework_id = $1 AND g.parent_id IS DISTINCT FROM p.id`,
      [frameworkId, JSON.stringify(rows)],
    );
  }

  async upsertCompetencies(frameworkId: string, rows: Json[], m: EntityManager): Promise<void> {
    if (!rows.length) return;
    const payload = JSON.stringify(rows);
    await m.query(
      `INSERT INTO competency (framework_id, case_identifier, case_child_of_identifier, case_criterion_identifier, code, name, description,
                               dimension, sort_order, version)
       SELECT $1, x.identifier, coalesce(x.child_of_identifier, gen_random_uuid()), coalesce(x.criterion_identifier, gen_random_uuid()),
              x.code, x.name, x.description, x.dimension, x.sort_order, 1
         FROM jsonb_to_recordset($2::jsonb) AS x(identifier uuid, child_of_identifier uuid, criterion_identifier uuid, code text, name text,
              description text, dimension text, sort_order int)
       ON CONFLICT (case_identifier) DO UPDATE SET code = excluded.code, name = excluded.name, description = excluded.description,
              dimension = excluded.dimension, sort_order = excluded.sort_order, retired_at = NULL,
              case_child_of_identifier = excluded.case_child_of_identifier, case_criterion_identifier = excluded.case_criterion_identifier,
              version = competency.version + 1, updated_at = now()
        WHERE (competency.code, competency.name, competency.description, competency.dimension, competency.sort_order, competency.retired_at,
               competency.case_child_of_identifier, competency.case_criterion_identifier)
              IS DISTINCT FROM (excluded.code, excluded.name, excluded.description, excluded.dimension, excluded.sort_order, NULL::timestamptz,
               excluded.case_child_of_identifier, excluded.case_criterion_identifier)`,
      [frameworkId, payload],
    );
    await m.query(
      `INSERT INTO case_item_source (competency_id, grouping_id, item, child_of)
       SELECT c.id, g.id, x.item, x.child_of
         FROM jsonb_to_recordset($1::jsonb) AS x(identifier uuid, parent uuid, item jsonb, child_of jsonb)
         JOIN competency c ON c.case_identifier = x.identifier
         LEFT JOIN case_grouping g ON g.case_identifier = x.parent
       ON CONFLICT (competency_id) DO UPDATE SET grouping_id = excluded.grouping_id, item = excluded.item, child_of = excluded.child_of`,
      [payload],
    );
    const levels = rows.flatMap((r) => (r.levels as Json[]).map((l) => ({ ...l, competency: r.identifier })));
    await m.query(
      `INSERT INTO competency_level (competency_id, level, label, descriptor, case_identifier)
       SELECT c.id, x.level, x.label, x.descriptor, coalesce(x.identifier, gen_random_uuid())
         FROM jsonb_to_recordset($1::jsonb) AS x(competency uuid, level int, label text, descriptor text, identifier uuid)
         JOIN competency c ON c.case_identifier = x.competency
       ON CONFLICT (competency_id, level) DO UPDATE SET label = excluded.label, descriptor = excluded.descriptor, case_identifier = excluded.case_identifier
        WHERE (competency_level.label, competency_level.descriptor, competency_level.case_identifier)
              IS DISTINCT FROM (excluded.label, excluded.descriptor, excluded.case_identifier)`,
      [JSON.stringify(levels)],
    );
    // Levels above the new top are removed unless a claim or requirement stands on them (they stay, and the preview says so).
    await m.query(
      `DELETE FROM competency_level l USING jsonb_to_recordset($1::jsonb) AS x(identifier uuid, top int), competency c
        WHERE c.case_identifier = x.identifier AND l.competency_id = c.id AND l.level > x.top
          AND NOT EXISTS (SELECT 1 FROM evidence_claim e WHERE e.competency_id = l.competency_id AND e.level = l.level)
          AND NOT EXISTS (SELECT 1 FROM role_requirement r WHERE r.competency_id = l.competency_id AND r.min_level = l.level)`,
      [JSON.stringify(rows.map((r) => ({ identifier: r.identifier, top: (r.levels as Json[]).length })))],
    );
  }

  /**
   * After an import: a framework without a scale of its own takes the one all its live competencies share (if they do),
   * and the competencies whose levels equal the framework's scale follow it (HR's scale edits reach them); those whose
   * levels the package made different keep them as their own.
   */
  async syncFrameworkScale(frameworkId: string, m: EntityManager): Promise<void> {
    const signature = (
      alias: string,
    ) => `(SELECT string_agg(l.level || E'\\x1f' || l.label || E'\\x1f' || l.descriptor, E'\\x1e' ORDER BY l.level)
        FROM competency_level l WHERE l.competency_id = ${alias}.id)`;
    await m.query(
      `WITH sig AS (SELECT c.id, c.sort_order, c.code, ${signature('c')} AS s FROM competency c WHERE c.framework_id = $1 AND c.retired_at IS NULL),
            first AS (SELECT id FROM sig WHERE s IS NOT NULL ORDER BY sort_order, code LIMIT 1)
       INSERT INTO competency_framework_level (framework_id, level, label, descriptor)
       SELECT $1, l.level, l.label, l.descriptor FROM first JOIN competency_level l ON l.competency_id = first.id
        WHERE NOT EXISTS (SELECT 1 FROM competency_framework_level WHERE framework_id = $1)
          AND (SELECT count(DISTINCT s) FROM sig) = 1 AND NOT EXISTS (SELECT 1 FROM sig WHERE s IS NULL)`,
      [frameworkId],
    );
    await m.query(
      `WITH scale AS (SELECT string_agg(level || E'\\x1f' || label || E'\\x1f' || descriptor, E'\\x1e' ORDER BY level) AS s
                        FROM competency_framework_level WHERE framework_id = $1)
       UPDATE competency c SET follows_framework_levels = (${signature('c')} IS NOT DISTINCT FROM (SELECT s FROM scale))
        WHERE c.framework_id = $1 AND (SELECT s FROM scale) IS NOT NULL
          AND c.follows_framework_levels IS DISTINCT FROM (${signature('c')} IS NOT DISTINCT FROM (SELECT s FROM scale))`,
      [frameworkId],
    );
  }

  async retire(frameworkId: string, keep: string[], m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE competency SET retired_at = now(), version = version + 1, updated_at = now()
        WHERE framework_id = $1 AND retired_at IS NULL AND NOT (case_identifier = ANY($2::uuid[]))`,
      [frameworkId, keep],
    );
    await m.query(
      `UPDATE case_grouping SET retired_at = now() WHERE framework_id = $1 AND retired_at IS NULL AND NOT (case_identifier = ANY($2::uuid[]))`,
      [frameworkId, keep],
    );
  }

  /** Replaces the associations a previous import brought; those HR added here (no source) stay. */
  async replaceImportedAssociations(frameworkId: string, rows: Json[], m: EntityManager): Promise<void> {
    await m.query(
      `DELETE FROM case_association WHERE framework_id = $1 AND source IS NOT NULL
          AND NOT (case_identifier = ANY(SELECT (x->>'identifier')::uuid FROM jsonb_array_elements($2::jsonb) x))`,
      [frameworkId, JSON.stringify(rows)],
    );
    if (!rows.length) return;
    await m.query(
      `INSERT INTO case_association (framework_id, case_identifier, association_type, origin_identifier, origin_uri, origin_title,
              destination_identifier, destination_uri, destination_title, origin_competency_id, destination_competency_id, sequence_number, source, last_change_at)
       SELECT $1, (x->>'identifier')::uuid, x->>'associationType', x->'originNodeURI'->>'identifier', x->'originNodeURI'->>'uri',
              x->'originNodeURI'->>'title', x->'destinationNodeURI'->>'identifier', x->'destinationNodeURI'->>'uri',
              x->'destinationNodeURI'->>'title', o.id, d.id, (x->>'sequenceNumber')::int, x, (x->>'lastChangeDateTime')::timestamptz
         FROM jsonb_array_elements($2::jsonb) x
         LEFT JOIN competency o ON o.case_identifier::text = x->'originNodeURI'->>'identifier'
         LEFT JOIN competency d ON d.case_identifier::text = x->'destinationNodeURI'->>'identifier'
       ON CONFLICT (case_identifier) DO UPDATE SET association_type = excluded.association_type, origin_identifier = excluded.origin_identifier,
              origin_uri = excluded.origin_uri, origin_title = excluded.origin_title, destination_identifier = excluded.destination_identifier,
              destination_uri = excluded.destination_uri, destination_title = excluded.destination_title,
              origin_competency_id = excluded.origin_competency_id, destination_competency_id = excluded.destination_competency_id,
              sequence_number = excluded.sequence_number, source = excluded.source, last_change_at = excluded.last_change_at`,
      [frameworkId, JSON.stringify(rows)],
    );
  }

  async saveDocument(frameworkId: string, document: Json, rubric: Json | null, hash: string, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO case_document_source (framework_id, document, rubric, package_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (framework_id) DO UPDATE SET document = excluded.document, rubric = excluded.rubric, package_hash = excluded.package_hash, imported_at = now()`,
      [frameworkId, JSON.stringify(document), rubric ? JSON.stringify(rubric) : null, hash],
    );
  }
}
