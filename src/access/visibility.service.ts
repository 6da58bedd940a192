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

  /** Panels arrive with the hiring workflow; until then a panelist sees no candidate's private data. */
  private async panelVisibleEducators(_viewer: Principal, _educatorIds: readonly string[]): Promise<Set<string>> {
    return new Set();
  }
}
