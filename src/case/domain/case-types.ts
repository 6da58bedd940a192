/** The CASE 1.1 CFPackage shapes Pathways reads and writes (the official JSON schema is the reference). */
export interface LinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export type Json = Record<string, unknown>;

export interface CfDocument extends Json {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
}

export interface CfItem extends Json {
  identifier: string;
  uri: string;
  fullStatement: string;
  lastChangeDateTime: string;
  humanCodingScheme?: string;
  CFItemType?: string;
}

export interface CfAssociation extends Json {
  identifier: string;
  uri: string;
  associationType: string;
  originNodeURI: LinkUri;
  destinationNodeURI: LinkUri;
  lastChangeDateTime: string;
  sequenceNumber?: number;
}

export interface CfRubricCriterionLevel extends Json {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  quality?: string;
  description?: string;
  score?: number;
  position?: number;
}

export interface CfRubricCriterion extends Json {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  CFItemURI?: LinkUri;
  CFRubricCriterionLevels?: CfRubricCriterionLevel[];
}

export interface CfRubric extends Json {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  title?: string;
  CFRubricCriteria?: CfRubricCriterion[];
}

export interface CfPackage {
  CFDocument: CfDocument;
  CFItems: CfItem[];
  CFAssociations: CfAssociation[];
  CFRubrics?: CfRubric[];
}

export const ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
] as const;

/** The association types HR may add between competencies of different frameworks. */
export const CROSSWALK_TYPES = ['exactMatchOf', 'isRelatedTo', 'isPartOf'] as const;
export type CrosswalkType = (typeof CROSSWALK_TYPES)[number];

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
