import { getNamedType, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import {
  EVIDENCE_KIND_REGISTRY,
  EVIDENCE_KINDS,
  kindSpec,
  PILOT_PARTS,
  SCORING_VARIANTS,
  VERIFICATION_STATUSES,
} from '../../src/evidence/domain/evidence-kind.js';
import { checkDetails, NO_DETAILS } from '../../src/evidence/domain/details.js';
import { evidenceKindOf, scoringKindOf, weightSlotOf, weightSlotSql } from '../../src/matching/domain/evidence-rules.js';
import { gapsOf } from '../../src/matching/domain/explanation.js';
import { DEFAULT_SCORING_POLICY, storedKindWeights } from '../../src/matching/domain/scoring-policy.js';
import type { CandidateScore } from '../../src/matching/domain/scoring.js';
import { buildServedSchema } from '../../src/scripts/schema-sdl.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The evidence kind registry (src/evidence/domain/evidence-kind.ts) is the one definition of the kinds: every
 * place that must know a kind - the database's check constraint and weight slots, the published scoring policy,
 * the GraphQL enum and weight fields, the explanation wording, the details rules - covers exactly its kinds.
 * A kind added to the registry without its migration fails here.
 */
describe('the evidence kind registry is the single source of the evidence kinds', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const weightFields = SCORING_VARIANTS.map((v) => v.weightField).sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    schema = await buildServedSchema();
  });
  afterAll(() => db.drop());

  it('the migrated check constraint on evidence.kind allows exactly the registry kinds', async () => {
    const [row] = await db.dataSource.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'ck_evidence_kind' AND conrelid = 'evidence'::regclass`,
    );
    const allowed = [...String(row.def).matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]).sort();
    expect(allowed).toEqual([...EVIDENCE_KINDS].sort());
  });

  it('the migrated weight_slot column puts every kind, pilot part and status where the domain does', async () => {
    const [{ expr }] = await db.dataSource.query(
      `SELECT pg_get_expr(d.adbin, d.adrelid) AS expr FROM pg_attrdef d
         JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        WHERE d.adrelid = 'evidence_claim_fact'::regclass AND a.attname = 'weight_slot'`,
    );
    const combos = EVIDENCE_KINDS.flatMap((kind) =>
      VERIFICATION_STATUSES.flatMap((status) =>
        (Object.keys(kindSpec(kind).scoring).length > 1 ? PILOT_PARTS : [null]).map((part) => ({ kind, status, part })),
      ),
    );
    for (const sql of [expr as string, weightSlotSql()]) {
      const rows: Array<{ slot: number }> = await db.dataSource.query(
        `SELECT (${sql})::int AS slot FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) WITH ORDINALITY
           AS t("kind", "pilot_part", "verification_status", n) ORDER BY n`,
        [combos.map((c) => c.kind), combos.map((c) => c.part), combos.map((c) => c.status)],
      );
      expect(rows.map((r) => r.slot)).toEqual(combos.map((c) => weightSlotOf(scoringKindOf(c.kind, c.part), c.status)));
    }
    // Slots are dense and unique: the weight table has no holes and no two variants share a row.
    expect(SCORING_VARIANTS.map((v) => v.slot)).toEqual(SCORING_VARIANTS.map((_v, i) => i));
  });

  it("the current published policy names a weight for every scoring kind (the kind's migration published it)", async () => {
    const [current] = await db.dataSource.query(`SELECT kind_weights FROM scoring_policy WHERE is_current`);
    expect(Object.keys(current.kind_weights).sort()).toEqual(SCORING_VARIANTS.map((v) => v.scoringKind).sort());
    expect(Object.keys(DEFAULT_SCORING_POLICY.kindWeights).sort()).toEqual(Object.keys(current.kind_weights).sort());
    // An older version that predates a kind reads it as weightless, so it ranks as it did when published.
    expect(storedKindWeights({})).toEqual(Object.fromEntries(SCORING_VARIANTS.map((v) => [v.scoringKind, 0])));
  });

  it('the GraphQL enum, the policy weights and the policy input list exactly the registry entries', () => {
    const kindEnum = schema.getType('EvidenceKind');
    if (!isEnumType(kindEnum)) throw new Error('EvidenceKind is not an enum');
    expect(kindEnum.getValues().map((v) => [v.name, v.description])).toEqual(EVIDENCE_KINDS.map((k) => [k, kindSpec(k).label]));
    const weights = schema.getType('EvidenceKindWeights');
    const weightsInput = schema.getType('EvidenceKindWeightsInput');
    if (!isObjectType(weights) || !isInputObjectType(weightsInput)) throw new Error('weight types missing');
    expect(Object.keys(weights.getFields()).sort()).toEqual(weightFields);
    expect(Object.keys(weightsInput.getFields()).sort()).toEqual(weightFields);
  });

  it('every kind with details has its input group on create and update, and checks to nothing of another kind', () => {
    for (const inputName of ['CreateEvidenceInput', 'UpdateEvidenceInput']) {
      const input = schema.getType(inputName);
      if (!isInputObjectType(input)) throw new Error(`${inputName} missing`);
      for (const kind of EVIDENCE_KINDS) {
        const details = kindSpec(kind).details;
        if (!details) continue;
        expect(Object.keys(input.getFields())).toContain(details.group);
        // The group's input type carries exactly the fields the registry maps to columns.
        const group = getNamedType(input.getFields()[details.group].type);
        if (!isInputObjectType(group)) throw new Error(`${inputName}.${details.group} is not an input object`);
        expect(Object.keys(group.getFields()).sort()).toEqual(Object.keys(details.columns).sort());
      }
    }
    // A kind without details stores none, whatever the row held.
    const stray = { ...NO_DETAILS, venue: 'somewhere', hours: 3 };
    for (const kind of EVIDENCE_KINDS.filter((k) => !kindSpec(k).details)) expect(checkDetails(kind, stray)).toEqual(NO_DETAILS);
  });

  it('every scoring kind has explanation wording, used in gap advice', () => {
    for (const v of SCORING_VARIANTS) {
      expect(v.held.length).toBeGreaterThan(0);
      expect(v.advice.length).toBeGreaterThan(0);
      expect(evidenceKindOf(v.scoringKind)).toEqual({ kind: v.kind, pilotPart: v.pilotPart ?? null });
    }
    const candidate = {
      requirements: [
        { spec: { competencyId: 'c', minLevel: 1, weight: 1, kind: 'REQUIRED' }, met: false, demonstratedLevel: 0, items: [] },
      ],
    } as unknown as CandidateScore;
    const [gap] = gapsOf(candidate, () => 'Data privacy', { ...DEFAULT_SCORING_POLICY, attendanceCapLevel: 1 });
    for (const v of SCORING_VARIANTS) expect(gap.summary).toContain(v.advice);
  });

  it('every registry entry is complete', () => {
    for (const kind of EVIDENCE_KINDS) {
      const spec = EVIDENCE_KIND_REGISTRY[kind];
      expect(spec.label.length).toBeGreaterThan(0);
      expect(Object.keys(spec.scoring).length).toBeGreaterThan(0);
    }
  });
});
