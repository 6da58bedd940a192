import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, CommonReason, conflict, notFound, staleVersion } from '../common/app-error.js';
import { CompetencyFrameworkLevelEntity } from './competency-framework-level.entity.js';
import { CompetencyFrameworkEntity } from './competency-framework.entity.js';
import { checkScaleChange, CompetencyReason, diff, type LevelUse, type ScaleLevel } from './domain/framework-rules.js';
import { checkLevelsContiguous } from './domain/levels.js';
import type { CreateFrameworkInput, DeleteFrameworkInput, RetireFrameworkInput, UpdateFrameworkInput } from './dto/framework.input.js';

/** What uses a framework's competencies: any of it makes the framework "in use" (retire it; it cannot be deleted). */
export interface FrameworkUse {
  claims: number;
  requirements: number;
  panelScores: number;
  capabilities: number;
  issuedCredentials: number;
  /** Trusted issuers whose achievement mappings grant claims on its competencies. */
  trustedIssuers: number;
}

const scaleOf = (levels: readonly { level: number; label: string; descriptor?: string | null }[]): ScaleLevel[] =>
  [...levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor ?? '' }));

/**
 * HR maintains frameworks: create one with its proficiency scale, edit its title, description, publisher and scale
 * (the competencies that follow the scale take the edit in the same transaction), retire one in use (hidden from new
 * requirements, claims and capabilities; history, explanations and reports still read it), delete one nothing uses.
 * Every change names the version it read and is audited with before and after.
 */
@Injectable()
export class FrameworksService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async levelsOf(frameworkIds: readonly string[]): Promise<CompetencyFrameworkLevelEntity[]> {
    if (!frameworkIds.length) return [];
    return this.db
      .getRepository(CompetencyFrameworkLevelEntity)
      .find({ where: { frameworkId: In([...frameworkIds]) }, order: { level: 'ASC' } });
  }

  async create(actor: Principal, input: CreateFrameworkInput): Promise<CompetencyFrameworkEntity> {
    checkLevelsContiguous(input.levels.map((l) => l.level));
    return this.db.transaction(async (m) => {
      const taken = await m.query(`SELECT 1 FROM competency_framework WHERE lower(code) = lower($1)`, [input.code]);
      if (taken.length)
        throw conflict(`A framework with code ${input.code} already exists; choose another code`, CommonReason.DUPLICATE_RECORD);
      const saved = await m.getRepository(CompetencyFrameworkEntity).save(
        m.getRepository(CompetencyFrameworkEntity).create({
          code: input.code,
          title: input.title,
          description: input.description ?? '',
          publisher: input.publisher ?? '',
          retiredAt: null,
        }),
      );
      const levels = scaleOf(input.levels);
      await m.getRepository(CompetencyFrameworkLevelEntity).insert(levels.map((l) => ({ ...l, frameworkId: saved.id })));
      await this.audit.record(
        actor,
        {
          action: 'FRAMEWORK_CREATED',
          targetType: 'Framework',
          targetId: saved.id,
          changes: { code: input.code, title: input.title, description: saved.description, publisher: saved.publisher, levels },
        },
        m,
      );
      return this.reload(m, saved.id);
    });
  }

  async update(actor: Principal, input: UpdateFrameworkInput): Promise<CompetencyFrameworkEntity> {
    if (input.levels) checkLevelsContiguous(input.levels.map((l) => l.level));
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      if (current.retiredAt)
        throw badInput(
          `Framework ${current.code} is retired; a retired framework is kept as it was`,
          undefined,
          CompetencyReason.FRAMEWORK_RETIRED,
        );
      const before = {
        title: current.title,
        description: current.description,
        publisher: current.publisher,
        levels: scaleOf(current.levels ?? []),
      };
      const changes = diff(before, {
        title: input.title,
        description: input.description,
        publisher: input.publisher,
        levels: input.levels ? scaleOf(input.levels) : undefined,
      });
      if (!Object.keys(changes).length) return current;
      if (changes.levels) await this.applyScale(m, current.id, scaleOf(input.levels!));
      // Bumps the version (and updated_at) once, whatever changed.
      await m.query(
        `UPDATE competency_framework SET title = $2, description = $3, publisher = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [current.id, input.title ?? current.title, input.description ?? current.description, input.publisher ?? current.publisher],
      );
      await this.audit.record(actor, { action: 'FRAMEWORK_UPDATED', targetType: 'Framework', targetId: current.id, changes }, m);
      return this.reload(m, current.id);
    });
  }

  /**
   * The framework's new scale, and the same levels on every competency that follows it. Levels above the new top are
   * removed only when nothing stands on them (checked first, so the refusal explains itself; the foreign keys from
   * claims and requirements guard it too).
   */
  private async applyScale(m: EntityManager, frameworkId: string, levels: ScaleLevel[]): Promise<void> {
    // Lock the competencies that follow the scale, so no claim or requirement lands on a level being removed meanwhile.
    const followers: Array<{ id: string }> = await m.query(
      `SELECT id FROM competency WHERE framework_id = $1 AND follows_framework_levels ORDER BY id FOR UPDATE`,
      [frameworkId],
    );
    const ids = followers.map((f) => f.id);
    const uses: LevelUse[] = ids.length
      ? await m.query(
          `SELECT c.code AS "competencyCode", u.level, sum(u.claims)::int AS claims, sum(u.requirements)::int AS requirements, sum(u.other)::int AS other
         FROM (SELECT competency_id, level, count(*) AS claims, 0 AS requirements, 0 AS other FROM evidence_claim WHERE competency_id = ANY($1::uuid[]) AND level > $2 GROUP BY 1, 2
               UNION ALL
               SELECT competency_id, min_level, 0, count(*), 0 FROM role_requirement WHERE competency_id = ANY($1::uuid[]) AND min_level > $2 GROUP BY 1, 2
               UNION ALL
               SELECT competency_id, min_level, 0, 0, count(*) FROM capability_component WHERE competency_id = ANY($1::uuid[]) AND min_level > $2 GROUP BY 1, 2
               UNION ALL
               -- A trusted issuer's achievement mapping that grants a claim at the level.
               SELECT (c->>'competencyId')::uuid, (c->>'level')::int, 0, 0, count(*)
                 FROM trusted_issuer ti, jsonb_array_elements(ti.achievement_mappings::jsonb) am, jsonb_array_elements(am->'claims') c
                WHERE c->>'competencyId' = ANY($1::text[]) AND (c->>'level')::int > $2 GROUP BY 1, 2) u
         JOIN competency c ON c.id = u.competency_id
        GROUP BY c.code, u.level`,
          [ids, levels.length],
        )
      : [];
    checkScaleChange(levels, uses);
    await m.delete(CompetencyFrameworkLevelEntity, { frameworkId });
    await m.getRepository(CompetencyFrameworkLevelEntity).insert(levels.map((l) => ({ ...l, frameworkId })));
    if (!ids.length) return;
    const payload = JSON.stringify(levels);
    await m.query(
      `INSERT INTO competency_level (competency_id, level, label, descriptor)
       SELECT c.id, x.level, x.label, x.descriptor FROM unnest($1::uuid[]) AS c(id), jsonb_to_recordset($2::jsonb) AS x(level int, label text, descriptor text)
       ON CONFLICT (competency_id, level) DO UPDATE SET label = excluded.label, descriptor = excluded.descriptor
        WHERE (competency_level.label, competency_level.descriptor) IS DISTINCT FROM (excluded.label, excluded.descriptor)`,
      [ids, payload],
    );
    await m.query(`DELETE FROM competency_level WHERE competency_id = ANY($1::uuid[]) AND level > $2`, [ids, levels.length]);
    await m.query(`UPDATE competency SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async retire(actor: Principal, input: RetireFrameworkInput): Promise<CompetencyFrameworkEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      if (current.retiredAt) throw badInput(`Framework ${current.code} is already retired`, undefined, CompetencyReason.FRAMEWORK_RETIRED);
      // Waits for writers that share-locked a competency of it (a claim or requirement being added) and stops new ones.
      await m.query(`SELECT id FROM competency WHERE framework_id = $1 ORDER BY id FOR UPDATE`, [current.id]);
      const use = await this.use(m, current.id);
      await m.query(`UPDATE competency_framework SET retired_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [
        current.id,
      ]);
      await this.audit.record(
        actor,
        {
          action: 'FRAMEWORK_RETIRED',
          targetType: 'Framework',
          targetId: current.id,
          changes: { retired: { from: false, to: true }, inUse: use },
        },
        m,
      );
      return this.reload(m, current.id);
    });
  }

  /** Deletes a framework nothing uses, with its competencies, levels and CASE records; one in use: CONFLICT (retire it). */
  async delete(actor: Principal, input: DeleteFrameworkInput): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      const competencies: Array<{ id: string; code: string }> = await m.query(
        `SELECT id, code FROM competency WHERE framework_id = $1 ORDER BY id FOR UPDATE`,
        [current.id],
      );
      const use = await this.use(m, current.id);
      const total = Object.values(use).reduce((a, b) => a + b, 0);
      if (total > 0) {
        const what = [
          use.claims && `${use.claims} evidence claim(s)`,
          use.requirements && `${use.requirements} role requirement(s)`,
          use.panelScores && `${use.panelScores} panel score(s)`,
          use.capabilities && `${use.capabilities} saved capability component(s)`,
          use.issuedCredentials && `${use.issuedCredentials} issued credential(s)`,
          use.trustedIssuers && `${use.trustedIssuers} trusted issuer mapping(s)`,
        ]
          .filter(Boolean)
          .join(', ');
        throw conflict(
          `Framework ${current.code} is in use (${what}); retire it instead (retireFramework): it stays readable and takes nothing new`,
          CompetencyReason.FRAMEWORK_IN_USE,
        );
      }
      const crosswalks: Array<{ n: number }> = await m.query(
        `SELECT count(*)::int AS n FROM case_association WHERE origin_competency_id = ANY($1::uuid[]) OR destination_competency_id = ANY($1::uuid[])`,
        [competencies.map((c) => c.id)],
      );
      await m.query(`DELETE FROM competency WHERE framework_id = $1`, [current.id]);
      await m.query(`DELETE FROM competency_framework WHERE id = $1`, [current.id]);
      await this.audit.record(
        actor,
        {
          action: 'FRAMEWORK_DELETED',
          targetType: 'Framework',
          targetId: current.id,
          changes: {
            before: {
              code: current.code,
              title: current.title,
              description: current.description,
              publisher: current.publisher,
              levels: scaleOf(current.levels ?? []),
              version: current.version,
            },
            competencies: competencies.map((c) => c.code),
            crosswalksRemoved: crosswalks[0]?.n ?? 0,
          },
        },
        m,
      );
      return true;
    });
  }

  /** How much uses the framework's competencies (issued credentials: those aligned to one of its competencies; trusted issuers: their mappings). */
  async use(m: EntityManager, frameworkId: string): Promise<FrameworkUse> {
    const [row] = await m.query(
      `WITH c AS (SELECT id, case_identifier::text AS ident FROM competency WHERE framework_id = $1)
       SELECT (SELECT count(*) FROM evidence_claim WHERE competency_id IN (SELECT id FROM c))::int AS claims,
              (SELECT count(*) FROM role_requirement WHERE competency_id IN (SELECT id FROM c))::int AS requirements,
              (SELECT count(*) FROM panel_score WHERE competency_id IN (SELECT id FROM c))::int AS "panelScores",
              (SELECT count(*) FROM capability_component WHERE competency_id IN (SELECT id FROM c))::int AS capabilities,
              (SELECT count(*) FROM trusted_issuer ti WHERE EXISTS (
                 SELECT 1 FROM jsonb_array_elements(ti.achievement_mappings::jsonb) am, jsonb_array_elements(am->'claims') c
                  WHERE c->>'competencyId' IN (SELECT id::text FROM c)))::int AS "trustedIssuers",
              (SELECT count(*) FROM issued_credential ic
                WHERE EXISTS (SELECT 1 FROM evidence_claim ec WHERE ec.evidence_id = ic.evidence_id AND ec.competency_id IN (SELECT id FROM c))
                   OR EXISTS (SELECT 1 FROM c WHERE strpos(ic.document::text, c.ident) > 0))::int AS "issuedCredentials"`,
      [frameworkId],
    );
    return row;
  }

  private async lockForWrite(m: EntityManager, id: string, version: number): Promise<CompetencyFrameworkEntity> {
    const current = await m.getRepository(CompetencyFrameworkEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Framework', id);
    if (current.version !== version) throw staleVersion(`Framework ${current.code}`);
    current.levels = await m.getRepository(CompetencyFrameworkLevelEntity).find({ where: { frameworkId: id }, order: { level: 'ASC' } });
    return current;
  }

  private async reload(m: EntityManager, id: string): Promise<CompetencyFrameworkEntity> {
    return m
      .getRepository(CompetencyFrameworkEntity)
      .findOneOrFail({ where: { id }, relations: { levels: true }, order: { levels: { level: 'ASC' } } });
  }
}
