import type { Json } from './case-types.js';

/** Everything export needs about one framework, as plain data read from the database. */
export interface FrameworkSnapshot {
  framework: {
    id: string;
    code: string;
    title: string;
    description: string;
    publisher: string;
    caseIdentifier: string;
    caseRubricIdentifier: string;
    updatedAt: Date;
    /** Set when HR retired the framework: it is exported as CASE adoptionStatus "Deprecated". */
    retiredAt?: Date | null;
  };
  /** The imported CFDocument and rubric header, when the framework came from a package. */
  document: Json | null;
  rubric: Json | null;
  groupings: SnapshotGrouping[];
  competencies: SnapshotCompetency[];
  associations: SnapshotAssociation[];
}

export interface SnapshotGrouping {
  id: string;
  caseIdentifier: string;
  caseChildOfIdentifier: string;
  parentId: string | null;
  name: string;
  code: string | null;
  sortOrder: number;
  item: Json | null;
  childOf: Json | null;
}

export interface SnapshotLevel {
  level: number;
  label: string;
  descriptor: string;
  caseIdentifier: string;
}

export interface SnapshotCompetency {
  id: string;
  code: string;
  name: string;
  description: string;
  dimension: string;
  sortOrder: number;
  updatedAt: Date;
  caseIdentifier: string;
  caseChildOfIdentifier: string;
  caseCriterionIdentifier: string;
  groupingId: string | null;
  item: Json | null;
  childOf: Json | null;
  levels: SnapshotLevel[];
}

export interface SnapshotAssociation {
  caseIdentifier: string;
  associationType: string;
  originIdentifier: string;
  originUri: string;
  originTitle: string;
  destinationIdentifier: string;
  destinationUri: string;
  destinationTitle: string;
  sequenceNumber: number | null;
  lastChangeAt: Date;
  source: Json | null;
  /** When an end is a competency here: its imported item URI (null for a native one, whose URI follows the base URL). */
  originLinked: boolean;
  originItemUri: string | null;
  destinationLinked: boolean;
  destinationItemUri: string | null;
}
