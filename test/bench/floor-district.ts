import type { DataSource } from 'typeorm';
import { competencyIds, insertBuilding } from '../support/matching-fixtures.js';

/**
 * What the floor tests' small districts share: four competencies (AI-BIAS, DATA-PRIVACY, AI-FEEDBACK, AI-TOOL-EVAL, in
 * that order), a building, and an exactMatchOf crosswalk by which claims on AI-TOOL-EVAL count for AI-FEEDBACK
 * requirements and the other way round.
 */
export async function floorDistrictBase(ds: DataSource): Promise<{ ids: string[]; building: string }> {
  const codes = ['AI-BIAS', 'DATA-PRIVACY', 'AI-FEEDBACK', 'AI-TOOL-EVAL'];
  const c = await competencyIds(ds, codes);
  const ids = codes.map((code) => c[code]);
  const building = await insertBuilding(ds);
  const [fw] = await ds.query(`SELECT framework_id FROM competency WHERE id = $1`, [ids[2]]);
  await ds.query(
    `INSERT INTO case_association (framework_id, association_type, origin_competency_id, destination_competency_id, origin_identifier, origin_uri, destination_identifier, destination_uri)
     VALUES ($1, 'exactMatchOf', $2, $3, 'o', 'urn:test:floor-origin', 'd', 'urn:test:floor-destination')`,
    [fw.framework_id, ids[3], ids[2]],
  );
  return { ids, building };
}
