import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An educator's building assignments as dated history, so a report for a past day places each person in the building
 * they were in that day. Every educator gets one assignment from their hire date in their current building (nothing
 * older is known); a trigger gives every new educator row the same, however it is written (API, seed, imports).
 * `educator.building_id` stays as the building of the latest assignment (the one without an end).
 */
export class BuildingAssignments1795893240000 implements MigrationInterface {
  name = 'BuildingAssignments1795893240000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "building_assignment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "educator_id" uuid NOT NULL,
      "building_id" uuid NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_building_assignment" PRIMARY KEY ("id"),
      CONSTRAINT "ck_building_assignment_dates" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"),
      CONSTRAINT "fk_building_assignment_educator" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_building_assignment_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT
    )`);
    await q.query(`CREATE UNIQUE INDEX "uq_building_assignment_start" ON "building_assignment" ("educator_id", "starts_on")`);
    await q.query(`CREATE UNIQUE INDEX "uq_building_assignment_open" ON "building_assignment" ("educator_id") WHERE "ends_on" IS NULL`);
    await q.query(`CREATE INDEX "ix_building_assignment_building" ON "building_assignment" ("building_id", "starts_on")`);
    await q.query(`INSERT INTO "building_assignment" ("educator_id", "building_id", "starts_on")
                   SELECT "id", "building_id", "hire_date" FROM "educator"`);
    await q.query(`CREATE FUNCTION "educator_first_assignment"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO building_assignment (educator_id, building_id, starts_on) VALUES (NEW.id, NEW.building_id, NEW.hire_date);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "tr_educator_first_assignment" AFTER INSERT ON "educator"
                   FOR EACH ROW EXECUTE FUNCTION "educator_first_assignment"()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_educator_first_assignment" ON "educator"`);
    await q.query(`DROP FUNCTION "educator_first_assignment"()`);
    await q.query(`DROP TABLE "building_assignment"`);
  }
}
