import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { mayView, Subject } from '../access/visibility.js';
import { districtToday } from '../common/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { BuildingEntity } from '../buildings/building.entity.js';
import { badInput, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { CompetencyLevelEntity } from '../competencies/competency-level.entity.js';
import { CompetencyEntity } from '../competencies/competency.entity.js';
import {
  checkCanBeOpen,
  checkClosingDateForOpen,
  checkRequirements,
  checkRoleTerms,
  type CompetencyFacts,
  type RequirementDraft,
  type RoleTerms,
} from './domain/role-rules.js';
import { assertEditable, assertTransition, RoleStatus } from './domain/role-status.js';
import type { ChangeRoleStatusInput, CreateRoleInput, RoleListArgs, UpdateRoleInput } from './dto/role.input.js';
import { HybridRoleEntity } from './hybrid-role.entity.js';
import { RoleRequirementEntity } from './role-requirement.entity.js';
import { RolesRepository } from './roles.repository.js';

/** Role columns an update may change, beside the requirement list. */
const EDITABLE = [
  'title',
  'summary',
  'buildingId',
  'classroomFte',
  'roleFte',
  'stipend',
  'openings',
  'closingDate',
  'internalOnly',
  'minYearsOfService',
] as const;
type Editable = (typeof EDITABLE)[number];

const draftOf = (q: RequirementDraft): RequirementDraft => ({
  competencyId: q.competencyId,
  minLevel: q.minLevel,
  weight: q.weight,
  kind: q.kind,
});
const sameList = (a: RequirementDraft[], b: RequirementDraft[]) => JSON.stringify(a.map(draftOf)) === JSON.stringify(b.map(draftOf));

@Injectable()
export class RolesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly reads: RolesRepository,
  ) {}

  /** HR sees every role; anyone else only OPEN ones, so asking them for another status yields an empty page. */
  async list(viewer: Principal, args: RoleListArgs): Promise<Page<HybridRoleEntity>> {
    const offset = decodeCursor(args.after);
    let status = args.status;
    if (!isHr(viewer)) {
      if (status && !mayView(viewer, Subject.ROLE, { roleOpen: status === RoleStatus.OPEN })) return toPage([], 0, offset);
      status = RoleStatus.OPEN;
    }
    const { rows, total } = await this.reads.page({ status, buildingId: args.buildingId }, offset, args.first);
    return toPage(rows, total, offset);
  }

  /** One role, if this viewer may see it; a role they may not see is NOT_FOUND like an unknown id. */
  async getVisible(viewer: Principal, id: string): Promise<HybridRoleEntity> {
    const found = await this.db.getRepository(HybridRoleEntity).findOne({ where: { id } });
    if (!found) throw notFound('Role', id);
    const open = found.status === RoleStatus.OPEN;
    if (!mayView(viewer, Subject.ROLE, { roleOpen: open, own: !open && (await this.holds(viewer, id)) })) throw notFound('Role', id);
    return found;
  }

  /** Whether the viewer holds the role: a hybrid commitment recorded when they accepted its offer. */
  private async holds(viewer: Principal, roleId: string): Promise<boolean> {
    if (!viewer.educatorId) return false;
    const rows = await this.db.query('SELECT 1 FROM hybrid_commitment WHERE role_id = $1 AND educator_id = $2 LIMIT 1', [
      roleId,
      viewer.educatorId,
    ]);
    return rows.length > 0;
  }

  /** Many at once, unfiltered: callers decide visibility. */
  async byIds(ids: readonly string[]): Promise<HybridRoleEntity[]> {
    if (!ids.length) return [];
    return this.db.getRepository(HybridRoleEntity).find({ where: { id: In([...ids]) } });
  }

  /** Requirements of many roles in one query, in display order (for DataLoaders and the matching engine). */
  async requirementsFor(roleIds: readonly string[], m?: EntityManager): Promise<RoleRequirementEntity[]> {
    if (!roleIds.length) return [];
    // Outside a transaction (the field resolver's loader): the prepared read.
    if (!m) return this.reads.requirementsOf(roleIds);
    return m.getRepository(RoleRequirementEntity).find({ where: { roleId: In([...roleIds]) }, order: { roleId: 'ASC', position: 'ASC' } });
  }

  async create(actor: Principal, input: CreateRoleInput): Promise<HybridRoleEntity> {
    const terms: RoleTerms = {
      title: input.title,
      summary: input.summary ?? '',
      classroomFte: input.classroomFte,
      roleFte: input.roleFte,
      stipend: input.stipend ?? 0,
      openings: input.openings ?? 1,
      minYearsOfService: input.minYearsOfService ?? null,
    };
    checkRoleTerms(terms);
    return this.db.transaction(async (m) => {
      const buildingId = input.buildingId ?? null;
      if (buildingId) await this.requireBuilding(m, buildingId);
      const requirements = input.requirements.map(draftOf);
      checkRequirements(requirements, await this.competencyFacts(m, requirements));
      const repo = m.getRepository(HybridRoleEntity);
      const saved = await repo.save(
        repo.create({
          ...terms,
          buildingId,
          closingDate: input.closingDate ?? null,
          internalOnly: input.internalOnly ?? true,
          status: RoleStatus.DRAFT,
        }),
      );
      await this.writeRequirements(m, saved.id, requirements);
      await this.audit.record(
        actor,
        {
          action: 'ROLE_CREATED',
          targetType: 'Role',
          targetId: saved.id,
          changes: {
            ...terms,
            buildingId,
            closingDate: saved.closingDate,
            internalOnly: saved.internalOnly,
            status: saved.status,
            requirements,
          },
        },
        m,
      );
      return this.reload(m, saved.id);
    });
  }

  async update(actor: Principal, input: UpdateRoleInput): Promise<HybridRoleEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      const status = current.status;
      assertEditable(status);

      const next = { ...current };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of EDITABLE) {
        const value = input[key];
        if (value === undefined || value === current[key]) continue;
        changes[key] = { from: current[key], to: value };
        (next as Record<Editable, unknown>)[key] = value;
      }
      checkRoleTerms(next);
      if (changes.buildingId && next.buildingId) await this.requireBuilding(m, next.buildingId);
      if (changes.closingDate && status === RoleStatus.OPEN) checkClosingDateForOpen(next.closingDate, districtToday());

      let requirements: RequirementDraft[] | undefined;
      if (input.requirements) {
        const existing = await this.requirementsFor([current.id], m);
        requirements = input.requirements.map(draftOf);
        checkRequirements(requirements, await this.competencyFacts(m, requirements), new Set(existing.map((q) => q.competencyId)));
        if (status === RoleStatus.OPEN)
          checkCanBeOpen(
            null,
            requirements.map((q) => q.kind),
            districtToday(),
          );
        if (sameList(existing, requirements)) requirements = undefined;
        else changes.requirements = { from: existing.map(draftOf), to: requirements };
      }
      if (!Object.keys(changes).length) return current;

      const patch = Object.fromEntries(EDITABLE.filter((k) => k in changes).map((k) => [k, next[k]]));
      await m.getRepository(HybridRoleEntity).update({ id: current.id }, { ...patch, version: () => '"version" + 1' });
      if (requirements) {
        await m.getRepository(RoleRequirementEntity).delete({ roleId: current.id });
        await this.writeRequirements(m, current.id, requirements);
      }
      await this.audit.record(actor, { action: 'ROLE_UPDATED', targetType: 'Role', targetId: current.id, changes }, m);
      return this.reload(m, current.id);
    });
  }

  async changeStatus(actor: Principal, input: ChangeRoleStatusInput): Promise<HybridRoleEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      await this.transition(m, actor, current, input.status);
      return this.reload(m, current.id);
    });
  }

  /**
   * For the hiring workflow, inside its own transaction: marks a role FILLED once all its openings are accepted.
   * Refused (BAD_USER_INPUT) unless the role is OPEN or CLOSED; audited like any status change.
   */
  async markFilled(
    actor: Principal | null,
    roleId: string,
    m: EntityManager,
    context: Record<string, unknown> = {},
  ): Promise<HybridRoleEntity> {
    const current = await m.getRepository(HybridRoleEntity).findOne({ where: { id: roleId }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Role', roleId);
    await this.transition(m, actor, current, RoleStatus.FILLED, context);
    return this.reload(m, roleId);
  }

  private async transition(
    m: EntityManager,
    actor: Principal | null,
    role: HybridRoleEntity,
    to: RoleStatus,
    context: Record<string, unknown> = {},
  ): Promise<void> {
    const from = role.status;
    assertTransition(from, to);
    if (to === RoleStatus.OPEN) {
      const kinds = (await this.requirementsFor([role.id], m)).map((q) => q.kind);
      checkCanBeOpen(role.closingDate, kinds, districtToday());
    }
    await m.getRepository(HybridRoleEntity).update({ id: role.id }, { status: to, version: () => '"version" + 1' });
    await this.audit.record(
      actor,
      { action: 'ROLE_STATUS_CHANGED', targetType: 'Role', targetId: role.id, changes: { from, to, ...context } },
      m,
    );
  }

  private async lockForWrite(m: EntityManager, id: string, version: number): Promise<HybridRoleEntity> {
    const current = await m.getRepository(HybridRoleEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Role', id);
    if (current.version !== version) throw staleVersion(`Role "${current.title}"`);
    return current;
  }

  private async requireBuilding(m: EntityManager, id: string): Promise<void> {
    const building = await m.getRepository(BuildingEntity).findOne({ where: { id } });
    if (!building) throw notFound('Building', id);
    if (building.archivedAt) throw badInput(`Building ${building.code} is archived; choose a current building (or restore it first)`);
  }

  /** The competencies a requirement list names, share-locked so none is retired while this transaction decides. */
  private async competencyFacts(m: EntityManager, requirements: RequirementDraft[]): Promise<Map<string, CompetencyFacts>> {
    const ids = [...new Set(requirements.map((q) => q.competencyId))];
    if (!ids.length) return new Map();
    const competencies = await m.getRepository(CompetencyEntity).find({ where: { id: In(ids) }, lock: { mode: 'pessimistic_read' } });
    // A competency of a retired framework counts as retired (the retirement locks the competencies, so it waits for us).
    const retiredFrameworks: Array<{ id: string }> = await m.query(
      `SELECT id FROM competency_framework WHERE id = ANY($1::uuid[]) AND retired_at IS NOT NULL`,
      [[...new Set(competencies.map((c) => c.frameworkId))]],
    );
    const frameworkRetired = new Set(retiredFrameworks.map((f) => f.id));
    const levels = await m.getRepository(CompetencyLevelEntity).find({ where: { competencyId: In(ids) }, order: { level: 'ASC' } });
    return new Map(
      competencies.map((c) => [
        c.id,
        {
          id: c.id,
          code: c.code,
          retired: c.retiredAt !== null || frameworkRetired.has(c.frameworkId),
          levels: levels.filter((l) => l.competencyId === c.id).map((l) => l.level),
        },
      ]),
    );
  }

  private async writeRequirements(m: EntityManager, roleId: string, requirements: RequirementDraft[]): Promise<void> {
    await m.getRepository(RoleRequirementEntity).insert(requirements.map((q, position) => ({ ...q, roleId, position })));
  }

  private async reload(m: EntityManager, id: string): Promise<HybridRoleEntity> {
    return m.getRepository(HybridRoleEntity).findOneOrFail({ where: { id } });
  }
}
