import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { BuildingEntity } from '../buildings/building.entity.js';
import { badInput, notFound, staleVersion } from '../common/app-error.js';
import { districtToday as todayIso } from '../common/clock.js';
import { BuildingAssignmentEntity } from './building-assignment.entity.js';
import { firstStartFor, openAssignment, planMove, type MovePlan } from './domain/assignments.js';
import type { MoveEducatorInput } from './dto/move.input.js';
import { EducatorEntity } from './educator.entity.js';

/**
 * An educator's building history. A move ends the open assignment and opens the next one (see planMove); the
 * educator row keeps the building of the latest assignment, so everything that asks "which building" today reads it
 * directly, and dated reports read this history.
 */
@Injectable()
export class BuildingAssignmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async history(educatorIds: readonly string[]): Promise<BuildingAssignmentEntity[]> {
    if (!educatorIds.length) return [];
    return this.db
      .getRepository(BuildingAssignmentEntity)
      .find({ where: { educatorId: In([...educatorIds]) }, order: { educatorId: 'ASC', startsOn: 'ASC' } });
  }

  async move(actor: Principal, input: MoveEducatorInput): Promise<EducatorEntity> {
    return this.db.transaction(async (m) => {
      const educator = await m.getRepository(EducatorEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!educator) throw notFound('Educator', input.id);
      if (educator.version !== input.version) throw staleVersion(`Educator ${educator.fullName}`);
      const before = educator.buildingId;
      const plan = await this.moveIn(m, educator, input.buildingId, input.effectiveFrom);
      const saved = await m.getRepository(EducatorEntity).save(educator);
      await this.audit.record(
        actor,
        {
          action: 'EDUCATOR_MOVED',
          targetType: 'Educator',
          targetId: educator.id,
          changes: {
            buildingId: { from: before, to: input.buildingId },
            effectiveFrom: input.effectiveFrom,
            correction: plan.kind === 'REPLACE',
          },
        },
        m,
      );
      return saved;
    });
  }

  /**
   * Inside the caller's transaction, with the educator row locked: records the move and sets the educator's building
   * (the caller saves the row). Archived buildings take nobody new.
   */
  async moveIn(m: EntityManager, educator: EducatorEntity, buildingId: string, effectiveFrom: string): Promise<MovePlan> {
    const building = await m.getRepository(BuildingEntity).findOne({ where: { id: buildingId } });
    if (!building) throw notFound('Building', buildingId);
    if (building.archivedAt) throw badInput(`Building ${building.code} is archived; choose a current building (or restore it first)`);
    const repo = m.getRepository(BuildingAssignmentEntity);
    const history = await repo.find({ where: { educatorId: educator.id } });
    const plan = planMove(educator, history, buildingId, effectiveFrom, todayIso());
    if (plan.kind === 'REPLACE') {
      await repo.update({ id: plan.assignmentId }, { buildingId: plan.buildingId });
    } else {
      await repo.update({ id: plan.close.assignmentId }, { endsOn: plan.close.endsOn });
      await repo.insert({ educatorId: educator.id, buildingId: plan.open.buildingId, startsOn: plan.open.startsOn, endsOn: null });
    }
    educator.buildingId = buildingId;
    return plan;
  }

  /** The open (latest) assignment, inside the caller's transaction. */
  async openOf(m: EntityManager, educatorId: string): Promise<BuildingAssignmentEntity> {
    const history = await m.getRepository(BuildingAssignmentEntity).find({ where: { educatorId } });
    return openAssignment(history) as BuildingAssignmentEntity;
  }

  /** A corrected hire date moves the first assignment's start with it (inside the caller's transaction). */
  async hireDateChanged(m: EntityManager, educator: EducatorEntity, hireDate: string): Promise<void> {
    const repo = m.getRepository(BuildingAssignmentEntity);
    const history = await repo.find({ where: { educatorId: educator.id }, order: { startsOn: 'ASC' } });
    const start = firstStartFor(educator, history, hireDate);
    if (start !== null) await repo.update({ id: history[0].id }, { startsOn: start });
  }
}
