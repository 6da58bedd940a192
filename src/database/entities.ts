import { NotificationEntity, NotificationPreferenceEntity } from '../notifications/notification.entity.js';
import { ImportJobEntity } from '../imports/import-job.entity.js';
import { AccountEntity } from '../access/account.entity.js';
import { PanelMemberEntity } from '../hiring/entities/panel-member.entity.js';
import { PasswordLinkEntity } from '../accounts/password-link.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { CASE_ENTITIES } from '../case/entities/index.js';
import { BuildingEntity } from '../buildings/building.entity.js';
import { CompetencyFrameworkEntity } from '../competencies/competency-framework.entity.js';
import { CompetencyFrameworkLevelEntity } from '../competencies/competency-framework-level.entity.js';
import { CompetencyLevelEntity } from '../competencies/competency-level.entity.js';
import { CompetencyEntity } from '../competencies/competency.entity.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { BuildingAssignmentEntity } from '../educators/building-assignment.entity.js';
import { EvidenceClaimEntity } from '../evidence/evidence-claim.entity.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { CREDENTIAL_ENTITIES } from '../credentials/entities/index.js';
import { VerificationRequestEntity } from '../evidence/verification-request.entity.js';
import { EvidenceEndorsementEntity } from '../evidence/evidence-endorsement.entity.js';
import { EvidenceRevisionEntity } from '../evidence/evidence-revision.entity.js';
import { EndorserBuildingEntity } from '../accounts/endorser-building.entity.js';
import { HIRING_ENTITIES } from '../hiring/entities/index.js';
import { HybridCommitmentEntity } from '../matching/hybrid-commitment.entity.js';
import { RankingRunEntity, RankingRunResultEntity } from '../matching/ranking-run.entity.js';
import { ScoringPolicyEntity } from '../matching/scoring-policy.entity.js';
import { HybridRoleEntity } from '../roles/hybrid-role.entity.js';
import { RoleRequirementEntity } from '../roles/role-requirement.entity.js';
import { FairnessAuditRunEntity } from '../fairness/fairness-audit-run.entity.js';
import { SelfIdentificationEntity } from '../fairness/self-identification.entity.js';
import { DisputeEntity } from '../rights/dispute.entity.js';
import { CapabilityComponentEntity, CapabilityEntity } from '../reports/capability.entity.js';

/** Every entity, listed explicitly so the same list serves the service, the CLI and the tests. */
export const ENTITIES = [
  CompetencyFrameworkEntity,
  CompetencyFrameworkLevelEntity,
  CompetencyEntity,
  CompetencyLevelEntity,
  BuildingEntity,
  EducatorEntity,
  BuildingAssignmentEntity,
  HybridRoleEntity,
  RoleRequirementEntity,
  EvidenceEntity,
  EvidenceClaimEntity,
  VerificationRequestEntity,
  EvidenceEndorsementEntity,
  EvidenceRevisionEntity,
  DisputeEntity,
  AccountEntity,
  EndorserBuildingEntity,
  PasswordLinkEntity,
  AuditEntryEntity,
  PanelMemberEntity,
  ScoringPolicyEntity,
  HybridCommitmentEntity,
  RankingRunEntity,
  RankingRunResultEntity,
  ImportJobEntity,
  ...HIRING_ENTITIES,
  ...CREDENTIAL_ENTITIES,
  SelfIdentificationEntity,
  FairnessAuditRunEntity,
  CapabilityEntity,
  CapabilityComponentEntity,
  ...CASE_ENTITIES,
  NotificationEntity,
  NotificationPreferenceEntity,
];
