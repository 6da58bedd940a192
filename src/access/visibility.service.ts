import { Inject, Injectable } from '@nestjs/common';
import { Persona, type Principal } from './persona.js';
import { mayView, PANEL_REACH, Subject, type PanelReach } from './visibility.js';

/**
 * "May this viewer see this educator's private data (evidence, contact details, scores)?", for one educator
 * or many at once. The decision is the EDUCATOR_PRIVATE row of the table in visibility.ts; this service only
 * gathers its facts (panel reach, read by the hiring module in one query).
 */
@Injectable()
export class VisibilityService {
  constructor(@Inject(PANEL_REACH) private readonly panels: PanelReach) {}

  async canSeeEducator(viewer: Principal, educatorId: string): Promise<boolean> {
    return (await this.visibleEducators(viewer, [educatorId])).has(educatorId);
  }

  /** The subset of `educatorIds` this viewer may see privately, in at most one query. */
  async visibleEducators(viewer: Principal, educatorIds: readonly string[]): Promise<Set<string>> {
    const reached =
      viewer.personas.has(Persona.PANELIST) && !viewer.personas.has(Persona.HR)
        ? await this.panels.reachableEducators(viewer.accountId, educatorIds)
        : new Set<string>();
    return new Set(
      educatorIds.filter((id) => mayView(viewer, Subject.EDUCATOR_PRIVATE, { own: id === viewer.educatorId, onPanel: reached.has(id) })),
    );
  }
}
