import { Injectable } from '@nestjs/common';
import { Persona, isHr, type Principal } from '../access/persona.js';
import { VisibilityService } from '../access/visibility.service.js';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import type { EvidenceListArgs } from './dto/evidence-list.args.js';
import type { EvidenceClaimEntity } from './evidence-claim.entity.js';
import { EvidenceRepository } from './evidence.repository.js';
import type { EvidenceEntity } from './evidence.entity.js';

/**
 * Reading evidence. Whether a viewer may see an item is decided by whose it is (VisibilityService); an item
 * the viewer may not see is answered exactly like one that does not exist.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly repo: EvidenceRepository,
    private readonly visibility: VisibilityService,
    private readonly audit: AuditService,
  ) {}

  async get(viewer: Principal, id: string): Promise<EvidenceEntity> {
    const item = await this.repo.byId(id);
    if (!item || !(await this.visibility.canSeeEducator(viewer, item.educatorId))) throw notFound('Evidence', id);
    // Archived evidence is its owner's and HR's business only (to restore it, or to review archiving).
    if (item.deletedAt && !(isHr(viewer) || viewer.educatorId === item.educatorId)) throw notFound('Evidence', id);
    await this.recordPanelRead(viewer, [item.educatorId], 'evidence');
    return item;
  }

  /**
   * HR lists anyone's evidence. Everyone else lists one educator's: their own by default, or the one they
   * name if they may see them; naming someone they may not see gives an empty page, not an error.
   */
  async list(viewer: Principal, args: EvidenceListArgs): Promise<Page<EvidenceEntity>> {
    const offset = decodeCursor(args.after);
    let educatorId = args.educatorId;
    if (!isHr(viewer)) {
      educatorId = educatorId ?? viewer.educatorId ?? undefined;
      if (!educatorId || !(await this.visibility.canSeeEducator(viewer, educatorId))) return toPage([], 0, offset);
      if (args.archived && educatorId !== viewer.educatorId) return toPage([], 0, offset);
      await this.recordPanelRead(viewer, [educatorId], 'evidenceItems');
    }
    const [rows, total] = await this.repo.page(
      { educatorId, kind: args.kind, status: args.status, archived: args.archived },
      args.first,
      offset,
    );
    return toPage(rows, total, offset);
  }

  /** For the Educator.evidence batch: every live item of each educator the viewer may see, nothing of the others. */
  async forEducators(viewer: Principal | null, educatorIds: readonly string[]): Promise<EvidenceEntity[]> {
    if (!viewer) return [];
    const visible = [...(await this.visibility.visibleEducators(viewer, educatorIds))];
    await this.recordPanelRead(viewer, visible, 'Educator.evidence');
    return this.repo.byEducatorIds(visible);
  }

  claimsOf(evidenceIds: readonly string[]): Promise<EvidenceClaimEntity[]> {
    return this.repo.claimsByEvidenceIds(evidenceIds);
  }

  /**
   * A panelist reading a candidate's evidence is a sensitive action and is logged. HR reads and an educator
   * reading their own are not: they would drown the log without telling anyone anything.
   */
  private async recordPanelRead(viewer: Principal, educatorIds: readonly string[], via: string): Promise<void> {
    if (isHr(viewer) || !viewer.personas.has(Persona.PANELIST)) return;
    const reads = educatorIds
      .filter((educatorId) => educatorId !== viewer.educatorId)
      .map((educatorId) => ({
        action: 'CANDIDATE_EVIDENCE_READ' as const,
        targetType: 'Educator',
        targetId: educatorId,
        changes: { via },
        persona: Persona.PANELIST,
      }));
    await this.audit.record(viewer, reads);
  }
}
