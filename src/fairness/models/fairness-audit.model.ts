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
  description: 'A step of hiring whose outcomes the fairness audit compares across categories of people',
  valuesMap: {
    APPLIED_TO_SHORTLISTED: { description: 'Selection rate: applications that reached SHORTLISTED / applications decided' },
    SHORTLISTED_TO_OFFERED: { description: 'Selection rate: shortlisted applications that reached OFFERED / those decided' },
    OFFERED_TO_ACCEPTED: { description: 'Selection rate: offers accepted / offers answered or closed' },
    SCORING: { description: 'Scoring rate: candidates scoring strictly above the median of everyone the ranking ranked' },
  },
});
registerEnumType(AuditDimension, {
  name: 'FairnessAuditDimension',
  description: 'How the fairness audit groups people (NYC Local Law 144: sex, race/ethnicity and their intersections)',
  valuesMap: {
    SEX: { description: 'By self-identified sex' },
    RACE_ETHNICITY: { description: 'By self-identified EEO-1 race/ethnicity category' },
    INTERSECTION: { description: 'By each combination of sex and race/ethnicity, e.g. FEMALE/ASIAN' },
  },
});

@ObjectType('FairnessAuditCategory', { description: 'The outcome figures of one category of people at one hiring step' })
export class AuditCategoryModel {
  @Field({ description: "The category's code, e.g. FEMALE, ASIAN, or FEMALE/ASIAN for an intersection" }) category: string;
  @Field({ description: 'The category in words, as the audit report prints it' }) label: string;
  @Field(() => Int, { description: 'People counted in the rate (selected or not)' }) assessed: number;
  @Field(() => Int, { description: 'Of those assessed, how many were selected (moved on, or scored above the median)' }) selected: number;
  @Field(() => Float, { nullable: true, description: 'Selected / assessed, 0-1; null when nobody was assessed' }) rate: number | null;
  @Field(() => Float, { nullable: true, description: 'Assessed / everyone assessed, unknowns included, 0-1' }) shareOfData: number | null;
  @Field({ description: 'Left out of the ratios: nobody assessed, or under 2% of the data when that option is on' })
  excludedFromRatios: boolean;
  @Field({ description: "Fewer people assessed than the audit's minCategorySize: too small to read" }) tooSmall: boolean;
  @Field(() => Float, {
    nullable: true,
    description: "This category's rate / the highest category's rate, 0-1; null when left out of the ratios",
  })
  impactRatio: number | null;
  @Field({ description: 'True when impactRatio is under 0.8 (the EEOC four-fifths rule): look into this step for this category' })
  flagged: boolean;
}

@ObjectType('FairnessAuditUnknown', { description: 'People who declined or never answered: counted apart, in no ratio' })
export class AuditUnknownModel {
  @Field(() => Int, { description: 'People with no answer for this dimension who were decided at this step' }) assessed: number;
  @Field(() => Int, { description: 'Of them, how many were selected' }) selected: number;
  @Field(() => Float, { nullable: true, description: 'Selected / assessed, 0-1; null when nobody was assessed' }) rate: number | null;
}

@ObjectType('FairnessAuditDimensionFigures', {
  description: 'The figures of one hiring step grouped one way (by sex, race/ethnicity, or both)',
})
export class AuditDimensionModel {
  @Field(() => AuditDimension, { description: 'How people are grouped' }) dimension: AuditDimension;
  @Field(() => String, { nullable: true, description: 'The category the ratios are against' }) highestCategory: string | null;
  @Field(() => String, { nullable: true, description: 'Why there are no ratios, when there are none' }) note: string | null;
  @Field(() => [AuditCategoryModel], { description: 'Every category, in reporting order, zeros included' })
  categories: AuditCategoryModel[];
  @Field(() => AuditUnknownModel, { description: 'People who declined or never answered for this dimension, counted apart' })
  unknown: AuditUnknownModel;
}

@ObjectType('FairnessAuditMeasureFigures', { description: 'The figures of one hiring step, grouped by sex, race/ethnicity and both' })
export class AuditMeasureModel {
  @Field(() => AuditMeasureKind, { description: 'Which step or scoring rate these figures are for' }) measure: AuditMeasureKind;
  @Field(() => Int, { description: 'Applications that entered the step, or candidates ranked' }) entered: number;
  @Field(() => Int, { description: "Of them, decided (selected or not): the rates' denominator" }) assessed: number;
  @Field(() => Int, { description: 'Withdrawn by the candidate before a decision (apart)' }) withdrawn: number;
  @Field(() => Int, { description: 'Still open at the as-of time (apart)' }) pending: number;
  @Field(() => [AuditDimensionModel], { description: 'Sex, race/ethnicity, and their intersections' }) dimensions: AuditDimensionModel[];
}

@ObjectType('FairnessAuditRankingRun', { description: 'A saved ranking whose scores the scoring rate read' })
export class AuditRankingRunModel {
  @Field(() => ID, { description: "The saved ranking's id" }) runId: string;
  @Field(() => ID, { description: 'The role it ranked candidates for' }) roleId: string;
  @Field({ description: "That role's title" }) roleTitle: string;
  @Field(() => Int, { description: 'The scoring policy version that computed the scores' }) policyVersion: number;
  @Field({ description: 'The day the ranking was computed for' }) asOf: string;
  @Field({ description: 'When the ranking was saved (ISO 8601)' }) createdAt: string;
  @Field(() => Int, { description: 'Candidates saved with the run (the sample)' }) ranked: number;
  @Field(() => Int, { description: 'Candidates the ranking had in all' }) candidateCount: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The median score (0-100) of everyone ranked; the scoring rate counts those strictly above it. Null with no candidates',
  })
  median: number | null;
}

@ObjectType('FairnessAudit', {
  description: 'A bias audit as it was run (LL144 impact ratios, EEOC four-fifths flag); saved and read back unchanged',
})
export class FairnessAuditModel {
  @Field(() => ID, { description: "The saved audit's id" }) id: string;
  @Field(() => Date, { description: 'When the audit was run' }) createdAt: Date;
  @Field(() => String, { nullable: true, description: 'The email address of whoever ran it; null if the account is gone' }) createdBy:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The role audited; null for all roles' }) roleId: string | null;
  @Field(() => String, { nullable: true, description: "The audited role's title; null for all roles" }) roleTitle: string | null;
  @Field({ description: 'First day of the period (YYYY-MM-DD, UTC)' }) from: string;
  @Field({ description: 'Last day of the period, included' }) to: string;
  @Field({ description: 'The instant histories and answers were read as of (ISO 8601)' }) asOf: string;
  @Field({ description: 'Whether categories under 2% of the data were left out of the ratios (still reported)' })
  excludeUnderTwoPercent: boolean;
  @Field(() => Int, { description: 'Categories with fewer people assessed are marked too small to read' }) minCategorySize: number;
  @Field({ description: 'Nothing to audit in the period' }) empty: boolean;
  @Field(() => String, { nullable: true, description: 'Why there was nothing to audit, in plain words; null when there was' }) emptyReason:
    string | null;
  @Field(() => Int, { description: 'Applications submitted in the period' }) applications: number;
  @Field(() => Int, { description: 'Distinct people behind the applications and rankings' }) people: number;
  @Field(() => Int, { description: 'Of them, how many had self-identified at all' }) selfIdentified: number;
  @Field(() => [AuditMeasureModel], { description: 'One set of figures per hiring step and for the ranking scores' })
  measures: AuditMeasureModel[];
  @Field(() => [AuditRankingRunModel], { description: 'The saved rankings whose scores the scoring rate read' })
  rankingRuns: AuditRankingRunModel[];
  @Field({
    description: 'The method in plain words (what was counted, as of when, which policy version ranked them) and what the figures show',
  })
  summary: string;
}

@ObjectType('FairnessAuditConnection', { description: 'A page of saved fairness audits, newest first' })
export class FairnessAuditConnection extends Connection(FairnessAuditModel) {}
