import { Foundation1795891605058 } from './1795891605058-Foundation.js';
import { DefaultFrameworks1795891700000 } from './1795891700000-DefaultFrameworks.js';
import { AccessControl1795892000000 } from './1795892000000-AccessControl.js';
import { Matching1795892123038 } from './1795892123038-Matching.js';
import { Hiring1795892520454 } from './1795892520454-Hiring.js';
import { MatchingReadModels1795892600000 } from './1795892600000-MatchingReadModels.js';
import { MatchingReadPath1795892700000 } from './1795892700000-MatchingReadPath.js';
import { Accounts1795893200000 } from './1795893200000-Accounts.js';
import { ExternalCommitments1795893210000 } from './1795893210000-ExternalCommitments.js';
import { BuildingLifecycle1795893220000 } from './1795893220000-BuildingLifecycle.js';
import { Leavers1795893230000 } from './1795893230000-Leavers.js';
import { BuildingAssignments1795893240000 } from './1795893240000-BuildingAssignments.js';
import { TrustedQualification1795893300000 } from './1795893300000-TrustedQualification.js';
import { OfferClosedReason1795893310000 } from './1795893310000-OfferClosedReason.js';
import { VerificationRequests1795893320000 } from './1795893320000-VerificationRequests.js';
import { Credentials1795893400000 } from './1795893400000-Credentials.js';
import { CaseIdentifiers1795893500000 } from './1795893500000-CaseIdentifiers.js';
import { DefaultCrosswalk1795893500001 } from './1795893500001-DefaultCrosswalk.js';
import { Imports1795893600000 } from './1795893600000-Imports.js';
import { Fairness1795893700000 } from './1795893700000-Fairness.js';
import { Capabilities1795893710000 } from './1795893710000-Capabilities.js';
import { FrameworkLifecycle1795894100000 } from './1795894100000-FrameworkLifecycle.js';
import { TrustedEvidenceWorkflow1795894200000 } from './1795894200000-TrustedEvidenceWorkflow.js';
import { EducatorRights1795894300000 } from './1795894300000-EducatorRights.js';
import { EvidenceKeys1795894500000 } from './1795894500000-EvidenceKeys.js';
import { RankingCache1795894600000 } from './1795894600000-RankingCache.js';
import { Notifications1795894800000 } from './1795894800000-Notifications.js';
import { ChangeLogHorizon1795895300000 } from './1795895300000-ChangeLogHorizon.js';
import { ChangeLogOneRowPerTransaction1795895300001 } from './1795895300001-ChangeLogOneRowPerTransaction.js';
import { InvitationWithdrawn1795895500000 } from './1795895500000-InvitationWithdrawn.js';
/** Every migration in order. Listed explicitly so compiled and test (transpiled) runs load the same set. */
export const MIGRATIONS: Array<new () => unknown> = [
  Foundation1795891605058,
  DefaultFrameworks1795891700000,
  AccessControl1795892000000,
  Matching1795892123038,
  Hiring1795892520454,
  MatchingReadModels1795892600000,
  MatchingReadPath1795892700000,
  Accounts1795893200000,
  ExternalCommitments1795893210000,
  BuildingLifecycle1795893220000,
  Leavers1795893230000,
  BuildingAssignments1795893240000,
  TrustedQualification1795893300000,
  OfferClosedReason1795893310000,
  VerificationRequests1795893320000,
  Credentials1795893400000,
  CaseIdentifiers1795893500000,
  DefaultCrosswalk1795893500001,
  Imports1795893600000,
  Fairness1795893700000,
  Capabilities1795893710000,
  FrameworkLifecycle1795894100000,
  TrustedEvidenceWorkflow1795894200000,
  EducatorRights1795894300000,
  EvidenceKeys1795894500000,
  RankingCache1795894600000,
  Notifications1795894800000,
  ChangeLogHorizon1795895300000,
  ChangeLogOneRowPerTransaction1795895300001,
  InvitationWithdrawn1795895500000,
];
