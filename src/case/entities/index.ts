import { CaseAssociationEntity } from './case-association.entity.js';
import { CaseDocumentSourceEntity } from './case-document-source.entity.js';
import { CaseGroupingEntity } from './case-grouping.entity.js';
import { CaseItemSourceEntity } from './case-item-source.entity.js';

export { CaseAssociationEntity, CaseDocumentSourceEntity, CaseGroupingEntity, CaseItemSourceEntity };
export const CASE_ENTITIES = [CaseGroupingEntity, CaseItemSourceEntity, CaseDocumentSourceEntity, CaseAssociationEntity];
