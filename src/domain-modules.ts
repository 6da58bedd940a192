import { CompetenciesModule } from './competencies/competencies.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { MatchingModule } from './matching/matching.module.js';

/** The domain modules the application serves, in one list so adding a module is one line. */
export const DOMAIN_MODULES = [CompetenciesModule, EvidenceModule, MatchingModule];
