import { CaseModule } from './case/case.module.js';
import { CommitmentsModule } from './commitments/commitments.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { BuildingsModule } from './buildings/buildings.module.js';
import { CredentialsModule } from './credentials/credentials.module.js';
import { CompetenciesModule } from './competencies/competencies.module.js';
import { EducatorsModule } from './educators/educators.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { FairnessModule } from './fairness/fairness.module.js';
import { HiringModule } from './hiring/hiring.module.js';
import { LeaversModule } from './leavers/leavers.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RightsModule } from './rights/rights.module.js';
import { RolesModule } from './roles/roles.module.js';

/** The domain modules the application serves, in one list so adding a module is one line. */
export const DOMAIN_MODULES = [
  CompetenciesModule,
  BuildingsModule,
  EducatorsModule,
  RolesModule,
  EvidenceModule,
  MatchingModule,
  ReportsModule,
  HiringModule,
  FairnessModule,
  CaseModule,
  AccountsModule,
  CommitmentsModule,
  CredentialsModule,
  ImportsModule,
  NotificationsModule,
  RightsModule,
  LeaversModule,
];
