import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change logs that guard the in-memory caches (matching_role_change, matching_data_change) are pruned by a
 * scheduled job. A cache is tested against its log with "is any change visible now that its snapshot did not see?";
 * once rows are deleted that test alone could miss a change. So, in the same transaction as a deletion, each log
 * records the newest transaction id it has deleted (`pruned_through`) and the deleting transaction's own id
 * (`pruned_by`), and the test also requires the cache's snapshot to have seen every deleted entry: either every
 * transaction up to `pruned_through` had ended when it was taken (`pg_snapshot_xmin(snapshot) > pruned_through`),
 * or it was taken after the deletion committed (`pg_visible_in_snapshot(pruned_by, snapshot)`; snapshots are
 * cluster-wide, so a long write elsewhere can hold the first back). Otherwise the cache counts as stale and is
 * recomputed.
 * Statement-level triggers write one row per writing statement, and the job keeps the logs short, so it finds
 * old rows without an index on the time (one more index would cost every write).
 */
export class ChangeLogHorizon1795895300000 implements MigrationInterface {
  name = 'ChangeLogHorizon1795895300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "change_log_horizon" (
      "log" character varying(40) NOT NULL, "pruned_through" xid8 NOT NULL DEFAULT '0'::xid8, "pruned_by" xid8,
      "pruned_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_change_log_horizon" PRIMARY KEY ("log"),
      CONSTRAINT "CHK_change_log_horizon_log" CHECK ("log" IN ('matching_role_change', 'matching_data_change')))`);
    await q.query(`INSERT INTO "change_log_horizon" ("log") VALUES ('matching_role_change'), ('matching_data_change')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "change_log_horizon"`);
  }
}
