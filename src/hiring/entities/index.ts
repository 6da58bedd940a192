export { ApplicationTransitionEntity } from './application-transition.entity.js';
export { ApplicationEntity } from './application.entity.js';
export { ConflictOfInterestEntity } from './conflict-of-interest.entity.js';
export { InvitationEntity } from './invitation.entity.js';
export { OfferEntity } from './offer.entity.js';
export { PanelScoreEntity } from './panel-score.entity.js';
export { RoleHiringSettingsEntity } from './role-hiring-settings.entity.js';

import { ApplicationTransitionEntity } from './application-transition.entity.js';
import { ApplicationEntity } from './application.entity.js';
import { ConflictOfInterestEntity } from './conflict-of-interest.entity.js';
import { InvitationEntity } from './invitation.entity.js';
import { OfferEntity } from './offer.entity.js';
import { PanelScoreEntity } from './panel-score.entity.js';
import { RoleHiringSettingsEntity } from './role-hiring-settings.entity.js';

/** The hiring module's entities, registered in one line of the shared entity list. */
export const HIRING_ENTITIES = [
  ApplicationEntity,
  ApplicationTransitionEntity,
  InvitationEntity,
  ConflictOfInterestEntity,
  PanelScoreEntity,
  OfferEntity,
  RoleHiringSettingsEntity,
];
