import {
  DATE_RULES,
  EVIDENCE_KINDS,
  NON_AGEING_KINDS,
  PILOT_PARTS,
  scoringKindOf,
  VERIFICATION_STATUSES,
  weightSlotOf,
} from '../../src/matching/domain/evidence-rules.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence } from '../support/matching-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** The maintained evidence_claim_fact table must equal the claims joined to their live evidence after any write. */
describe('evidence_claim_fact stays equal to claims joined with their live (not archived) evidence', () => {
  let db: TestDatabase;
  let comps: Record<string, string>;
  let educators: string[];

  const COLUMNS = `evidence_id, competency_id, educator_id, level, kind, pilot_part, verification_status,
    issued_on::text, started_on::text, ended_on::text, recorded_on::text, expires_on::text`;
  const expected = () =>
    db.dataSource.query(
      `SELECT c.evidence_id, c.competency_id, e.educator_id, c.level, e.kind, e.pilot_part, e.verification_status,
       e.issued_on::text, e.started_on::text, e.ended_on::text, ((e.created_at AT TIME ZONE 'UTC')::date)::text AS recorded_on, e.expires_on::text
     FROM evidence_claim c JOIN evidence e ON e.id = c.evidence_id WHERE e.deleted_at IS NULL ORDER BY 1, 2`,
    );
  const facts = () => db.dataSource.query(`SELECT ${COLUMNS} FROM evidence_claim_fact ORDER BY 1, 2`);
  const expectInSync = async (rows?: number) => {
    const want = await expected();
    expect(await facts()).toEqual(want);
    if (rows !== undefined) expect(want).toHaveLength(rows);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    comps = await competencyIds(db.dataSource, ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY']);
    const building = await insertBuilding(db.dataSource);
    educators = [
      await insertEducator(db.dataSource, { buildingId: building }),
      await insertEducator(db.dataSource, { buildingId: building }),
    ];
  });
  afterAll(() => db.drop());

  it('follows inserts, verification, date and kind changes, claim changes and deletions', async () => {
    const pilot = await insertEvidence(db.dataSource, {
      educatorId: educators[0],
      kind: 'PILOT',
      pilotPart: 'MEMBER',
      status: 'SELF_REPORTED',
      startedOn: '2024-01-10',
      claims: [
        { competencyId: comps['AI-TOOL-EVAL'], level: 2 },
        { competencyId: comps['AI-BIAS'], level: 1 },
      ],
    });
    const cert = await insertEvidence(db.dataSource, {
      educatorId: educators[1],
      kind: 'CERTIFICATION',
      issuedOn: '2023-05-01',
      expiresOn: '2026-05-01',
      claims: [{ competencyId: comps['DATA-PRIVACY'], level: 3 }],
    });
    await expectInSync(3);

    await db.dataSource.query(
      `UPDATE evidence SET verification_status = 'VERIFIED', pilot_part = 'LEAD', ended_on = '2024-12-20' WHERE id = $1`,
      [pilot],
    );
    await db.dataSource.query(`UPDATE evidence SET expires_on = '2025-01-01' WHERE id = $1`, [cert]);
    await db.dataSource.query(`UPDATE evidence SET title = 'Renamed only' WHERE id = $1`, [cert]);
    await expectInSync(3);

    await db.dataSource.query(`UPDATE evidence_claim SET level = 4 WHERE evidence_id = $1 AND competency_id = $2`, [
      pilot,
      comps['AI-TOOL-EVAL'],
    ]);
    await db.dataSource.query(`UPDATE evidence_claim SET competency_id = $3 WHERE evidence_id = $1 AND competency_id = $2`, [
      pilot,
      comps['AI-BIAS'],
      comps['DATA-PRIVACY'],
    ]);
    await expectInSync(3);

    await db.dataSource.query(`UPDATE evidence SET educator_id = $2 WHERE id = $1`, [pilot, educators[1]]);
    await expectInSync(3);

    // Archiving drops the item's facts; a claim written while archived gets none; restoring writes them back.
    await db.dataSource.query(`UPDATE evidence SET deleted_at = now() WHERE id = $1`, [pilot]);
    await expectInSync(1);
    await db.dataSource.query(`UPDATE evidence_claim SET level = 3 WHERE evidence_id = $1 AND competency_id = $2`, [
      pilot,
      comps['AI-TOOL-EVAL'],
    ]);
    await db.dataSource.query(`UPDATE evidence SET verification_status = 'ENDORSED' WHERE id = $1`, [pilot]);
    await expectInSync(1);
    await db.dataSource.query(`UPDATE evidence SET deleted_at = NULL WHERE id = $1`, [pilot]);
    await expectInSync(3);

    await db.dataSource.query(`DELETE FROM evidence_claim WHERE evidence_id = $1 AND competency_id = $2`, [pilot, comps['AI-TOOL-EVAL']]);
    await expectInSync(2);
    await db.dataSource.query(`DELETE FROM evidence WHERE id = $1`, [cert]);
    await expectInSync(1);
    await db.dataSource.query(`DELETE FROM educator WHERE id = $1`, [educators[1]]);
    await expectInSync(0);
  });

  it('rolls back with the writing transaction', async () => {
    await expect(
      db.dataSource.transaction(async (m) => {
        const [row] = await m.query(
          `INSERT INTO evidence (educator_id, kind, title, hours, version) VALUES ($1, 'COURSE', 'x', 3, 1) RETURNING id`,
          [educators[0]],
        );
        await m.query(`INSERT INTO evidence_claim (evidence_id, competency_id, level) VALUES ($1, $2, 1)`, [row.id, comps['AI-BIAS']]);
        expect(await m.query('SELECT count(*)::int AS n FROM evidence_claim_fact WHERE evidence_id = $1', [row.id])).toEqual([{ n: 1 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await expectInSync(0);
  });

  it("derives each claim's weight slot and age origin exactly as the matching domain does", async () => {
    for (const kind of EVIDENCE_KINDS) {
      for (const status of VERIFICATION_STATUSES) {
        for (const pilotPart of kind === 'PILOT' ? PILOT_PARTS : [undefined]) {
          await insertEvidence(db.dataSource, {
            educatorId: educators[0],
            kind,
            status,
            pilotPart,
            startedOn: kind === 'CERTIFICATION' ? null : '2022-03-04',
            endedOn: kind === 'PILOT' && status === 'VERIFIED' ? '2023-06-30' : null,
            issuedOn: kind === 'CERTIFICATION' ? '2021-01-02' : null,
            claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
          });
        }
      }
    }
    // A pilot whose part is unknown counts as membership.
    await db.dataSource.query(
      `UPDATE evidence SET pilot_part = NULL WHERE kind = 'PILOT' AND pilot_part = 'MEMBER' AND verification_status = 'ENDORSED'`,
    );
    const rows: Array<Record<string, any>> = await db.dataSource.query(
      `SELECT kind, pilot_part, verification_status, weight_slot, age_from_day, issued_on::text, started_on::text, ended_on::text, recorded_on::text
       FROM evidence_claim_fact WHERE educator_id = $1`,
      [educators[0]],
    );
    expect(rows).toHaveLength(VERIFICATION_STATUSES.length * (EVIDENCE_KINDS.length - 1 + PILOT_PARTS.length));
    const dayOfIso = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
    const columnOf = { issuedOn: 'issued_on', startedOn: 'started_on', endedOn: 'ended_on', recordedOn: 'recorded_on' } as const;
    for (const r of rows) {
      expect(r.weight_slot).toBe(weightSlotOf(scoringKindOf(r.kind, r.pilot_part), r.verification_status));
      const from = DATE_RULES.ageFrom.map((f) => r[columnOf[f]]).find((d) => d !== null);
      expect(r.age_from_day).toBe(NON_AGEING_KINDS.includes(r.kind) ? null : dayOfIso(from));
    }
    // Every (scoring kind, status) pair has a slot of its own.
    expect(new Set(rows.map((r) => r.weight_slot)).size).toBe(rows.length);
  });
});
