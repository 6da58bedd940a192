import type { DataSource } from 'typeorm';

/** Direct-SQL factories for audit tests: applications with a recorded history, and saved ranking runs with chosen scores. */

export async function insertApplication(
  ds: DataSource,
  f: { roleId: string; educatorId: string; submittedAt: string; path: readonly string[] },
): Promise<string> {
  const status = f.path[f.path.length - 1];
  const [row] = await ds.query(
    `INSERT INTO application (role_id, educator_id, status, submitted_at, updated_at, version) VALUES ($1, $2, $3, $4, $4, 1) RETURNING id`,
    [f.roleId, f.educatorId, status, f.submittedAt],
  );
  // One transition per status, an hour apart, the first from nothing (the submission itself).
  const start = Date.parse(f.submittedAt);
  for (const [i, to] of f.path.entries()) {
    await ds.query(`INSERT INTO application_transition (application_id, from_status, to_status, reason, at) VALUES ($1, $2, $3, '', $4)`, [
      row.id,
      i === 0 ? null : f.path[i - 1],
      to,
      new Date(start + i * 3_600_000).toISOString(),
    ]);
  }
  return row.id;
}

export async function insertRankingRun(
  ds: DataSource,
  f: { roleId: string; createdAt: string; scores: Array<{ educatorId: string; score: number }>; candidateCount?: number },
): Promise<string> {
  const [policy] = await ds.query(`SELECT id, version FROM scoring_policy WHERE is_current`);
  const sorted = [...f.scores].sort((a, b) => b.score - a.score);
  const [run] = await ds.query(
    `INSERT INTO ranking_run (role_id, policy_id, policy_version, as_of, role_snapshot, overextension_fte_threshold, candidate_count, qualified_count,
       result_count, created_at)
     VALUES ($1, $2, $3, $4::timestamptz::date, $5, 0.4, $6, $7, $7, $4) RETURNING id`,
    [
      f.roleId,
      policy.id,
      policy.version,
      f.createdAt,
      JSON.stringify({ title: 'Audited role', requirements: [] }),
      f.candidateCount ?? sorted.length,
      sorted.length,
    ],
  );
  for (const [i, s] of sorted.entries()) {
    await ds.query(
      `INSERT INTO ranking_run_result (run_id, rank, educator_id, score, qualified, overextended, candidate) VALUES ($1, $2, $3, $4, true, false, '{}')`,
      [run.id, i + 1, s.educatorId, s.score],
    );
  }
  return run.id;
}
