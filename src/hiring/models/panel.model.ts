import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Panelist', { description: "A member of a role's hiring panel" })
export class PanelistModel {
  @Field(() => ID, { description: "The panelist's account" })
  accountId: string;

  @Field({ description: 'Their name' })
  displayName: string;

  @Field({ description: 'Their email address' })
  email: string;

  @Field({ description: 'When HR seated them on the panel' })
  addedAt: Date;
}

@ObjectType('RolePanel', { description: "A role's hiring panel and its review settings" })
export class RolePanelModel {
  @Field(() => ID, { description: 'The role' })
  roleId: string;

  @Field({ description: 'Its title' })
  roleTitle: string;

  @Field({ description: 'True: panelists see pseudonyms until they submit their scores' })
  blindReview: boolean;

  @Field({ description: 'Whether you see candidate identities on this role now (false while blind review hides them from you)' })
  identitiesVisible: boolean;

  @Field(() => [PanelistModel], { description: 'The panelists seated on the role' })
  members: PanelistModel[];
}

@ObjectType('ConflictOfInterest', {
  description: "A panelist's declared conflict of interest with a candidate; they no longer see or score them",
})
export class ConflictOfInterestModel {
  @Field(() => ID, { description: 'The role' })
  roleId: string;

  @Field(() => ID, { description: 'The application the panelist stepped back from' })
  applicationId: string;

  @Field({ description: 'When it was declared' })
  declaredAt: Date;
}

@ObjectType('RequirementScore', { description: "One panelist's score on one requirement" })
export class RequirementScoreModel {
  @Field(() => ID, { description: 'The requirement scored' })
  requirementId: string;

  @Field(() => ID, { description: 'Its competency' })
  competencyId: string;

  @Field(() => Int, { description: 'The score, 1-4' })
  score: number;

  @Field({ description: "The panelist's comment; may be empty" })
  comment: string;

  @Field(() => Date, { nullable: true, description: 'Set once submitted; submitted scores are final' })
  submittedAt: Date | null;
}

@ObjectType('PanelistScores', { description: "HR only: one panelist's scores for a candidate" })
export class PanelistScoresModel {
  @Field(() => ID, { description: "The panelist's account" })
  accountId: string;

  @Field({ description: 'Their email address' })
  email: string;

  @Field({ description: 'True once they submitted (final)' })
  submitted: boolean;

  @Field(() => [RequirementScoreModel], { description: 'Their scores, per requirement' })
  scores: RequirementScoreModel[];
}

@ObjectType('RequirementAggregate', { description: "The panel's submitted scores on one requirement for one candidate" })
export class RequirementAggregateModel {
  @Field(() => ID, { description: 'The requirement' })
  requirementId: string;

  @Field(() => Float, { nullable: true, description: 'Mean score, 1-4; null with no scores' })
  mean: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest score; null with no scores' })
  min: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest score; null with no scores' })
  max: number | null;

  @Field(() => Int, { nullable: true, description: 'Max - min: how far the panel disagrees; null with no scores' })
  spread: number | null;

  @Field(() => Int, { description: 'Panelists who scored this requirement' })
  count: number;
}

@ObjectType('PanelAggregate', { description: 'The panel on one candidate, from submitted scores of current, unconflicted panelists' })
export class PanelAggregateModel {
  @Field(() => [RequirementAggregateModel], { description: "One aggregate per requirement, in the role's order" })
  perRequirement: RequirementAggregateModel[];

  @Field(() => Float, { nullable: true, description: 'Mean of the per-requirement means' })
  overallMean: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Max - min of the panelists' own overall means: how far the panel disagrees; null with no scores",
  })
  spread: number | null;

  @Field(() => Int, { description: 'Panelists whose submitted scores are counted' })
  panelistCount: number;
}

@ObjectType('PanelScoreSheet', { description: 'Scores for one candidate as this viewer may see them' })
export class PanelScoreSheetModel {
  @Field(() => ID, { description: 'The application scored' })
  applicationId: string;

  @Field(() => [RequirementScoreModel], { description: 'Your own scores (panelists)' })
  myScores: RequirementScoreModel[];

  @Field({ description: 'You have submitted your scores for this candidate' })
  submitted: boolean;

  @Field(() => PanelAggregateModel, { nullable: true, description: 'HR always; a panelist once they have submitted their own' })
  aggregate: PanelAggregateModel | null;

  @Field(() => [PanelistScoresModel], { nullable: true, description: "HR only: each panelist's own scores; null for panelists" })
  panelists: PanelistScoresModel[] | null;
}
