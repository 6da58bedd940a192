import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { assertMayView, Subject } from '../access/visibility.js';
import { notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { assignPseudonyms, identitiesVisible } from './domain/blind-review.js';
import type { ApplicationEntity } from './entities/application.entity.js';
import { RoleHiringSettingsEntity } from './entities/role-hiring-settings.entity.js';
import type { RoleReadModel } from '../roles/role-read-model.js';
import { RoleReadRepository } from '../roles/role-read.repository.js';
import { HiringRepository, type CandidateRow } from './hiring.repository.js';
import type { CandidateIdentityModel } from './models/application.model.js';

/** How one viewer sees one role's candidates: as HR, or as a panelist on its panel (minus their conflicts). */
export interface RoleView {
  role: RoleReadModel;
  viewer: Principal;
  isHr: boolean;
  /** Set for panelists: the account whose conflicts hide candidates. */
  panelistId: string | null;
  conflicted: ReadonlySet<string>;
  blindReview: boolean;
  identitiesVisible: boolean;
  pseudonyms: ReadonlyMap<string, string>;
}

/**
 * How a viewer sees a role's candidates: blind review, pseudonyms, hidden identities. Whether they may see
 * them at all is the ROLE_CANDIDATES and CANDIDATE rows of access's visibility table; this service gathers
 * those rows' facts from hiring's tables and builds the view.
 */
@Injectable()
export class HiringAccessService {
  private readonly pseudonymKey: string;

  constructor(
    private readonly repo: HiringRepository,
    private readonly roleReads: RoleReadRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A key of its own, derived from the server secret, so pseudonyms are not reversible from ids.
    this.pseudonymKey = createHmac('sha256', config.jwtSecret).update('pathways.blind-review.key').digest('hex');
  }

  async blindReview(m: EntityManager, roleId: string): Promise<boolean> {
    const row = await m.getRepository(RoleHiringSettingsEntity).findOneBy({ roleId });
    return row?.blindReview ?? false;
  }

  /** The viewer's view of a role's candidates; NOT_FOUND unless HR or on the role's panel. */
  async roleView(m: EntityManager, viewer: Principal, roleId: string): Promise<RoleView> {
    const role = await this.roleReads.role(m, roleId);
    if (!role) throw notFound('Role', roleId);
    const hr = isHr(viewer);
    const onPanel = !hr && (await this.repo.isOnPanel(m, roleId, viewer.accountId));
    assertMayView(viewer, Subject.ROLE_CANDIDATES, { onPanel }, 'Role', roleId);
    const blind = await this.blindReview(m, roleId);
    const conflicted = hr ? new Set<string>() : await this.repo.conflictedEducators(m, roleId, viewer.accountId);
    let visible = true;
    if (!hr && blind) {
      const progress = await this.repo.panelProgress(m, roleId, viewer.accountId);
      visible = identitiesVisible({
        blindReview: blind,
        isHr: hr,
        submittedCount: progress.submitted,
        awaitingSubmission: progress.awaiting,
      });
    }
    const pseudonyms = assignPseudonyms(this.pseudonymKey, roleId, await this.repo.applicantIds(m, roleId));
    return {
      role,
      viewer,
      isHr: hr,
      panelistId: hr ? null : viewer.accountId,
      conflicted,
      blindReview: blind,
      identitiesVisible: visible,
      pseudonyms,
    };
  }

  /** The role view when the viewer may see this application; NOT_FOUND when they may not (or a conflict hides it). */
  async applicationView(m: EntityManager, viewer: Principal, app: ApplicationEntity): Promise<RoleView> {
    const own = viewer.educatorId === app.educatorId;
    if (own && !isHr(viewer)) return this.ownView(m, viewer, app.roleId);
    const onPanel = !isHr(viewer) && (await this.repo.isOnPanel(m, app.roleId, viewer.accountId));
    assertMayView(viewer, Subject.CANDIDATE, { own, onPanel }, 'Application', app.id);
    const view = await this.roleView(m, viewer, app.roleId);
    assertMayView(viewer, Subject.CANDIDATE, { own, onPanel, conflicted: view.conflicted.has(app.educatorId) }, 'Application', app.id);
    return view;
  }

  /** A candidate looking at their own application sees themselves. */
  private async ownView(m: EntityManager, viewer: Principal, roleId: string): Promise<RoleView> {
    const role = await this.roleReads.role(m, roleId);
    if (!role) throw notFound('Role', roleId);
    const pseudonyms = assignPseudonyms(this.pseudonymKey, roleId, await this.repo.applicantIds(m, roleId));
    return { role, viewer, isHr: false, panelistId: null, conflicted: new Set(), blindReview: false, identitiesVisible: true, pseudonyms };
  }

  identity(view: RoleView, educatorId: string, who: CandidateRow | undefined): CandidateIdentityModel {
    const pseudonym = view.pseudonyms.get(educatorId) ?? 'Candidate';
    if (!view.identitiesVisible || !who) {
      return { displayName: pseudonym, pseudonym, identityHidden: true, educatorId: null, email: null, buildingName: null };
    }
    return {
      displayName: who.fullName,
      pseudonym,
      identityHidden: false,
      educatorId,
      email: who.workEmail,
      buildingName: who.buildingName,
    };
  }
}
