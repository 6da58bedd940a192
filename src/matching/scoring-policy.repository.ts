import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { ScoringPolicyEntity } from './scoring-policy.entity.js';

/**
 * Every read and write of scoring policy versions. Methods take the caller's manager where a use case needs
 * them inside its transaction or snapshot.
 */
@Injectable()
export class ScoringPolicyRepository {
  constructor(private readonly db: DataSource) {}

  /** The version in force (the migration publishes version 1, so there always is one). */
  async current(m: EntityManager = this.db.manager): Promise<ScoringPolicyEntity> {
    const found = await this.findCurrent(m);
    if (!found) throw notFound('Current scoring policy');
    return found;
  }

  /** The version in force or null; `lock` takes its row for update, which serialises publishers. */
  findCurrent(m: EntityManager, lock = false): Promise<ScoringPolicyEntity | null> {
    return m
      .getRepository(ScoringPolicyEntity)
      .findOne({ where: { isCurrent: true }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async byVersion(version: number): Promise<ScoringPolicyEntity> {
    const found = await this.db.getRepository(ScoringPolicyEntity).findOne({ where: { version } });
    if (!found) throw notFound('Scoring policy version', String(version));
    return found;
  }

  async byId(id: string, m: EntityManager = this.db.manager): Promise<ScoringPolicyEntity> {
    const found = await m.getRepository(ScoringPolicyEntity).findOne({ where: { id } });
    if (!found) throw notFound('Scoring policy', id);
    return found;
  }

  /** Newest first. */
  list(first: number, offset: number): Promise<[ScoringPolicyEntity[], number]> {
    return this.db.getRepository(ScoringPolicyEntity).findAndCount({ order: { version: 'DESC' }, skip: offset, take: first });
  }

  /** Retires `current` and makes `next` the version in force, inside the caller's transaction. */
  async replaceCurrent(m: EntityManager, current: ScoringPolicyEntity, next: Partial<ScoringPolicyEntity>): Promise<ScoringPolicyEntity> {
    const repo = m.getRepository(ScoringPolicyEntity);
    await repo.update({ id: current.id }, { isCurrent: false });
    const saved = await repo.save(repo.create({ ...next, version: current.version + 1, isCurrent: true }));
    return repo.findOneByOrFail({ id: saved.id });
  }
}
