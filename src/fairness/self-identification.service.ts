import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { badInput, conflict, notFound } from '../common/app-error.js';
import { parseSelfIdentification } from './domain/categories.js';
import type { SetSelfIdentificationInput } from './dto/fairness.input.js';
import type { SelfIdentificationModel } from './models/self-identification.model.js';
import { SelfIdentificationEntity } from './self-identification.entity.js';

/**
 * An educator's own voluntary self-identification: set, change, withdraw, read back, always for themself.
 * Nothing here is written to the audit log (HR reads the log), and no other module reads this table.
 */
@Injectable()
export class SelfIdentificationService {
  constructor(private readonly db: DataSource) {}

  async mine(viewer: Principal): Promise<SelfIdentificationModel | null> {
    const row = await this.db.getRepository(SelfIdentificationEntity).findOneBy({ educatorId: this.educatorOf(viewer) });
    return row ? toModel(row) : null;
  }

  async set(actor: Principal, input: SetSelfIdentificationInput): Promise<SelfIdentificationModel> {
    const educatorId = this.educatorOf(actor);
    const answer = parseSelfIdentification(input);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(SelfIdentificationEntity);
      const existing = await repo.findOne({ where: { educatorId }, lock: { mode: 'pessimistic_write' } });
      if (!existing) {
        // Two first answers at once: the primary key decides, the loser is told to reload.
        const inserted: Array<{ educator_id: string }> = await m.query(
          `INSERT INTO fairness.self_identification (educator_id, sex, race_ethnicity, version) VALUES ($1, $2, $3, 1)
           ON CONFLICT (educator_id) DO NOTHING RETURNING educator_id`,
          [educatorId, answer.sex, answer.raceEthnicity],
        );
        if (!inserted.length) throw conflict('Your self-identification was saved from elsewhere a moment ago; reload it and try again');
      } else {
        if (input.version == null) throw badInput('You already have an answer: send the version you loaded to change it');
        if (input.version !== existing.version)
          throw conflict('Your self-identification was changed since you loaded it; reload it and try again');
        await repo.update({ educatorId }, { sex: answer.sex, raceEthnicity: answer.raceEthnicity, version: existing.version + 1 });
      }
      return toModel(await repo.findOneByOrFail({ educatorId }));
    });
  }

  /** Withdraws the answer entirely (nothing is kept); true when there was one. */
  async withdraw(actor: Principal): Promise<boolean> {
    const result = await this.db.getRepository(SelfIdentificationEntity).delete({ educatorId: this.educatorOf(actor) });
    return (result.affected ?? 0) > 0;
  }

  private educatorOf(p: Principal): string {
    if (!p.educatorId) throw notFound('The educator profile linked to this account');
    return p.educatorId;
  }
}

const toModel = (r: SelfIdentificationEntity): SelfIdentificationModel => ({
  sex: r.sex,
  raceEthnicity: r.raceEthnicity,
  updatedAt: r.updatedAt,
  version: r.version,
});
