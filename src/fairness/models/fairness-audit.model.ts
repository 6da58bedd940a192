import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { AuditDimension } from '../domain/categories.js';

export enum AuditMeasureKind {
  APPLIED_TO_SHORTLISTED = 'APPLIED_TO_SHORTLISTED',
  SHORTLISTED_TO_OFFERED = 'SHORTLISTED_TO_OFFERED',
  OFFERED_TO_ACCEPTED = 'OFFERED_TO_ACCEPTED',
  SCORING = 'SCORING',
}

registerEnumType(AuditMeasureKind, {
  name: 'FairnessAuditMeasure',
  valuesMap: {
    APPLIED_TO_SHORTLISTED: { description: 'Selection rate: applications that reached SHORTLISTED / applications decided' },
    SHORTLISTED_TO_OFFERED: { description: 'Selection rate: shortlisted applications that reached OFFERED / those decided' },
    OFFERED_TO_ACCEPTED: { description: 'Selection rate: offers accepted / offers answered or closed' },
    SCORING: { description: 'Scoring rate: candidates scoring strictly above the median of everyone the ranking ranked' },
  },
});
registerEnumType(AuditDimension, { name: 'FairnessAuditDimension' });

@ObjectType('FairnessAuditCategory')
export class AuditCategoryModel {
  @Field({ description: 'e.g. FEMALE, ASIAN, or FEMALE/ASIAN for an intersection' }) category: string;
  @Field() label: string;
  @Field(() => Int, { description: 'People counted in the rate (selected or not)' }) assessed: number;
  @Field(() => Int) selected: number;
  @Field(() => Float, { nullable: true, description: 'selected / assessed; null when nobody was assessed' }) rate: number | null;
  @Field(() => Float, { nullable: true, description: 'assessed / everyone assessed, unknowns included' }) shareOfData: number | null;
  @Field({ description: 'Left out of the ratios: nobody assessed, or under 2% of the data when that option is on' }) excludedFromRatios: boolean;
  @Field({ description: 'Fewer people assessed than the audit\'s minCategorySize: too small to read' }) tooSmall: boolean;
  @Field(() => Float, { nullable: true, description: 'rate / the highest category\'s rate' }) impactRatio: number | null;
  @Field({ description: 'impactRatio under 0.8 (EEOC four-fifths rule)' }) flagged: boolean;
}

@ObjectType('FairnessAuditUnknown', { description: 'People who declined or never answered: counted apart, in no ratio' })
export class AuditUnknownModel {
  @Field(() => Int) assessed: number;
  @Field(() => Int) selected: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType('FairnessAuditDimensionFigures')
export class AuditDimensionModel {
  @Field(() => AuditDimension) dimension: AuditDimension;
  @Field(() => String, { nullable: true, description: 'The category the ratios are against' }) highestCategory: string | null;
  @Field(() => String, { nullable: true, description: 'Why there are no ratios, when there are none' }) note: string | null;
  @Field(() => [AuditCategoryModel], { description: 'Every category, in reporting order, zeros included' }) categories: AuditCategoryModel[];
  @Field(() => AuditUnknownModel) unknown: AuditUnknownModel;
}

@ObjectType('FairnessAuditMeasureFigures')
export class AuditMeasureModel {
  @Field(() => AuditMeasureKind) measure: AuditMeasureKind;
  @Field(() => Int, { description: 'Applications that entered the step, or candidates ranked' }) entered: number;
  @Field(() => Int, { description: 'Of them, decided (selected or not): the rates\' denominator' }) assessed: number;
  @Field(() => Int, { description: 'Withdrawn by the candidate before a decision (apart)' }) withdrawn: number;
  @Field(() => Int, { description: 'Still open at the as-of time (apart)' }) pending: number;
  @Field(() => [AuditDimensionModel], { description: 'Sex, race/ethnicity, and their intersections' }) dimensions: AuditDimensionModel[];
}

@ObjectType('FairnessAuditRankingRun', { description: 'A saved ranking whose scores the scoring rate read' })
export class AuditRankingRunModel {
  @Field(() => ID) runId: string;
  @Field(() => ID) roleId: string;
  @Field() roleTitle: string;
  @Field(() => Int) policyVersion: number;
  @Field({ description: 'The day the ranking was computed for' }) asOf: string;
  @Field() createdAt: string;
  @Field(() => Int, { description: 'Candidates saved with the run (the sample)' }) ranked: number;
  @Field(() => Int, { description: 'Candidates the ranking had in all' }) candidateCount: number;
  @Field(() => Float, { nullable: true }) median: number | null;
}

@ObjectType('FairnessAudit', { description: 'A bias audit as it was run (LL144 impact ratios, EEOC four-fifths flag); saved and read back unchanged' })
export class FairnessAuditModel {
  @Field(() => ID) id: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => String, { nullable: true }) createdBy: string | null;
  @Field(() => ID, { nullable: true, description: 'The role audited; null for all roles' }) roleId: string | null;
  @Field(() => String, { nullable: true }) roleTitle: string | null;
  @Field({ description: 'First day of the period (YYYY-MM-DD, UTC)' }) from: string;
  @Field({ description: 'Last day of the period, included' }) to: string;
  @Field({ description: 'The instant histories and answers were read as of (ISO 8601)' }) asOf: string;
  @Field() excludeUnderTwoPercent: boolean;
  @Field(() => Int) minCategorySize: number;
  @Field({ description: 'Nothing to audit in the period' }) empty: boolean;
  @Field(() => String, { nullable: true }) emptyReason: string | null;
  @Field(() => Int, { description: 'Applications submitted in the period' }) applications: number;
  @Field(() => Int, { description: 'Distinct people behind the applications and rankings' }) people: number;
  @Field(() => Int, { description: 'Of them, how many had self-identified at all' }) selfIdentified: number;
  @Field(() => [AuditMeasureModel]) measures: AuditMeasureModel[];
  @Field(() => [AuditRankingRunModel]) rankingRuns: AuditRankingRunModel[];
  @Field({ description: 'The method in plain words (what was counted, as of when, which policy version ranked them) and what the figures show' })
  summary: string;
}

@ObjectType('FairnessAuditConnection')
export class FairnessAuditConnection extends Connection(FairnessAuditModel) {}
