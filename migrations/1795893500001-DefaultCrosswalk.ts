import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exact-match crosswalk between the two default frameworks (see README, "Shipped crosswalk"): district
 * DATA-ETHICS "Data ethics and governance" exactMatchOf UNESCO 2.3 "Co-creating ethical rules". Published with the
 * district framework (origin); the URIs are rebuilt from the base URL at export.
 */
const PAIRS: Array<[string, string]> = [['DATA-ETHICS', '2.3']];

export class DefaultCrosswalk1795893500001 implements MigrationInterface {
  name = 'DefaultCrosswalk1795893500001';

  public async up(q: QueryRunner): Promise<void> {
    for (const [district, unesco] of PAIRS) {
      await q.query(
        `INSERT INTO case_association (framework_id, association_type, origin_identifier, origin_uri, origin_title,
                destination_identifier, destination_uri, destination_title, origin_competency_id, destination_competency_id)
         SELECT o.framework_id, 'exactMatchOf', o.case_identifier::text, 'urn:uuid:' || o.case_identifier, o.name,
                d.case_identifier::text, 'urn:uuid:' || d.case_identifier, d.name, o.id, d.id
           FROM competency o JOIN competency_framework fo ON fo.id = o.framework_id AND fo.code = 'DISTRICT-AI-READINESS',
                competency d JOIN competency_framework fd ON fd.id = d.framework_id AND fd.code = 'UNESCO-AI-CFT-2024'
          WHERE o.code = $1 AND d.code = $2`,
        [district, unesco],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM case_association a USING competency o, competency_framework fo, competency d, competency_framework fd
        WHERE a.source IS NULL AND a.association_type = 'exactMatchOf'
          AND o.id = a.origin_competency_id AND fo.id = o.framework_id AND fo.code = 'DISTRICT-AI-READINESS'
          AND d.id = a.destination_competency_id AND fd.id = d.framework_id AND fd.code = 'UNESCO-AI-CFT-2024'
          AND (o.code, d.code) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [PAIRS.map((p) => p[0]), PAIRS.map((p) => p[1])],
    );
  }
}
