import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Persona, type Principal } from './persona.js';

/**
 * One place that answers "may this viewer see this educator's private data (evidence, contact details,
 * scores)?". HR: everyone. Educators: themselves. Panelists: candidates of roles whose panel they sit on.
 * Callers answer NOT_FOUND when this says no, so ids cannot be probed.
 */
@Injectable()
export class VisibilityService {
  constructor(private readonly db: DataSource) {}

  async canSeeEducator(viewer: Principal, educatorId: string): Promise<boolean> {
    if (viewer.personas.has(Persona.HR)) return true;
    if (viewer.educatorId === educatorId) return true;
    if (viewer.personas.has(Persona.PANELIST)) return (await this.panelVisibleEducators(viewer, [educatorId])).has(educatorId);
    return false;
  }

  /** The subset of `educatorIds` this viewer may see privately, in one query. */
  async visibleEducators(viewer: Principal, educatorIds: readonly string[]): Promise<Set<string>> {
    if (viewer.personas.has(Persona.HR)) return new Set(educatorIds);
    const visible = new Set(educatorIds.filter((id) => id === viewer.educatorId));
    if (viewer.personas.has(Persona.PANELIST)) {
      for (const id of await this.panelVisibleEducators(viewer, educatorIds)) visible.add(id);
    }
    return visible;
  }

  /**
   * A panelist sees the applicants of roles whose panel they sit on, except a candidate they declared a
   * conflict of interest with for that role (tables of the hiring module).
   */
  private async panelVisibleEducators(viewer: Principal, educatorIds: readonly string[]): Promise<Set<string>> {
    if (!educatorIds.length) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT a.educator_id AS id
         FROM application a
         JOIN panel_member pm ON pm.role_id = a.role_id AND pm.account_id = $1
        WHERE a.educator_id = ANY($2::uuid[])
          AND NOT EXISTS (SELECT 1 FROM conflict_of_interest c
                           WHERE c.role_id = a.role_id AND c.account_id = $1 AND c.educator_id = a.educator_id)`,
      [viewer.accountId, [...educatorIds]],
    );
    return new Set(rows.map((r) => r.id));
  }
}
