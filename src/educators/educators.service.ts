import { Injectable } from '@nestjs/common';
import { DataSource, ILike, In, Not, Raw, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { VisibilityService } from '../access/visibility.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BuildingEntity } from '../buildings/building.entity.js';
import { badInput, CommonReason, conflict, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { districtToday as todayIso } from '../common/clock.js';
import { BuildingAssignmentsService } from './building-assignments.service.js';
import { checkHireDate } from './domain/hire-date.js';
import type { CreateEducatorInput, EducatorListArgs, UpdateEducatorInput } from './dto/educator.input.js';
import { EducatorEntity } from './educator.entity.js';

const EDITABLE = ['fullName', 'workEmail', 'buildingId', 'currentAssignment', 'hireDate'] as const;

/** LIKE treats % and _ as wildcards; a search for "a_b" means those characters literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class EducatorsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly visibility: VisibilityService,
    private readonly assignments: BuildingAssignmentsService,
  ) {}

  /** HR's directory; the resolver's policy restricts it to HR. */
  async list(args: EducatorListArgs): Promise<Page<EducatorEntity>> {
    const offset = decodeCursor(args.after);
    const base: FindOptionsWhere<EducatorEntity> = {
      ...(args.buildingId ? { buildingId: args.buildingId } : {}),
      ...(args.employeeId !== undefined && args.employeeId !== null ? { employeeId: args.employeeId.trim() } : {}),
    };
    const search = args.search?.trim();
    const where = search
      ? [
          { ...base, fullName: ILike(`%${likeEscape(search)}%`) },
          { ...base, workEmail: ILike(`%${likeEscape(search)}%`) },
        ]
      : base;
    const [rows, total] = await this.db.getRepository(EducatorEntity).findAndCount({
      where,
      order: { fullName: 'ASC', id: 'ASC' },
      skip: offset,
      take: args.first,
    });
    return toPage(rows, total, offset);
  }

  /** One profile, if this viewer may see it; otherwise NOT_FOUND exactly as for an unknown id. */
  async getVisible(viewer: Principal, id: string): Promise<EducatorEntity> {
    const found = (await this.visibility.canSeeEducator(viewer, id))
      ? await this.db.getRepository(EducatorEntity).findOne({ where: { id } })
      : null;
    if (!found) throw notFound('Educator', id);
    return found;
  }

  /** Many at once, unfiltered: callers decide visibility (see VisibilityService). */
  async byIds(ids: readonly string[]): Promise<EducatorEntity[]> {
    if (!ids.length) return [];
    return this.db.getRepository(EducatorEntity).find({ where: { id: In([...ids]) } });
  }

  async create(actor: Principal, input: CreateEducatorInput): Promise<EducatorEntity> {
    checkHireDate(input.hireDate);
    return this.db.transaction(async (m) => {
      await this.requireBuilding(m, input.buildingId);
      await this.requireFreeEmail(m, input.workEmail);
      const repo = m.getRepository(EducatorEntity);
      const saved = await repo.save(
        repo.create({
          fullName: input.fullName,
          workEmail: input.workEmail,
          buildingId: input.buildingId,
          currentAssignment: input.currentAssignment ?? '',
          hireDate: input.hireDate,
        }),
      );
      await this.audit.record(actor, { action: 'EDUCATOR_CREATED', targetType: 'Educator', targetId: saved.id, changes: { ...input } }, m);
      return saved;
    });
  }

  async update(actor: Principal, input: UpdateEducatorInput): Promise<EducatorEntity> {
    if (input.hireDate !== undefined && input.hireDate !== null) checkHireDate(input.hireDate);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(EducatorEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Educator', input.id);
      if (current.version !== input.version) throw staleVersion(`Educator ${current.id}`);

      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of EDITABLE) {
        const next = input[key];
        if (next === undefined || next === null || next === current[key]) continue;
        changes[key] = { from: current[key], to: next };
      }
      if (!Object.keys(changes).length) return current;
      if (changes.workEmail) await this.requireFreeEmail(m, input.workEmail as string, current.id);
      if (changes.hireDate) await this.assignments.hireDateChanged(m, current, input.hireDate as string);
      for (const key of EDITABLE)
        if (changes[key] && key !== 'buildingId') (current as unknown as Record<string, unknown>)[key] = changes[key].to;
      if (changes.buildingId) {
        // A building changed here is a move from today (moveEducator takes another date); history is never rewritten.
        const open = await this.assignments.openOf(m, current.id);
        await this.assignments.moveIn(m, current, input.buildingId as string, open.startsOn > todayIso() ? open.startsOn : todayIso());
      }

      const saved = await repo.save(current);
      await this.audit.record(actor, { action: 'EDUCATOR_UPDATED', targetType: 'Educator', targetId: current.id, changes }, m);
      return saved;
    });
  }

  private async requireBuilding(m: EntityManager, id: string): Promise<void> {
    const building = await m.getRepository(BuildingEntity).findOne({ where: { id } });
    if (!building) throw notFound('Building', id);
    if (building.archivedAt) throw badInput(`Building ${building.code} is archived; choose a current building (or restore it first)`);
  }

  /** Case-insensitive, like the unique index on lower(work_email), which still backs this up under races. */
  private async requireFreeEmail(m: EntityManager, email: string, exceptId?: string): Promise<void> {
    const taken = await m.getRepository(EducatorEntity).exists({
      where: {
        workEmail: Raw((col) => `lower(${col}) = lower(:email)`, { email }),
        ...(exceptId ? { id: Not(exceptId) } : {}),
      },
    });
    if (taken) throw conflict(`Another educator already has the work email ${email}`, CommonReason.DUPLICATE_RECORD);
  }
}
