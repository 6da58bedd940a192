import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Panelist')
export class PanelistModel {
  @Field(() => ID)
  accountId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field()
  addedAt: Date;
}

@ObjectType('RolePanel', { description: "A role's hiring panel and its review settings" })
export class RolePanelModel {
  @Field(() => ID)
  roleId: string;

  @Field()
  roleTitle: string;

  @Field()
  blindReview: boolean;

  @Field({ description: 'Whether you see candidate identities on this role now (false while blind review hides them from you)' })
  identitiesVisible: boolean;

  @Field(() => [PanelistModel])
  members: PanelistModel[];
}

@ObjectType('ConflictOfInterest')
export class ConflictOfInterestModel {
  @Field(() => ID)
  roleId: string;

  @Field(() => ID)
  applicationId: string;

  @Field()
  declaredAt: Date;
}

@ObjectType('RequirementScore', { description: "One panelist's score on one requirement" })
export class RequirementScoreModel {
  @Field(() => ID)
  requirementId: string;

  @Field(() => ID)
  competencyId: string;

  @Field(() => Int)
  score: number;

  @Field()
  comment: string;

  @Field(() => Date, { nullable: true, description: 'Set once submitted; submitted scores are final' })
  submittedAt: Date | null;
}

@ObjectType('PanelistScores', { description: "HR only: one panelist's scores for a candidate" })
export class PanelistScoresModel {
  @Field(() => ID)
  accountId: string;

  @Field()
  email: string;

  @Field()
  submitted: boolean;

  @Field(() => [RequirementScoreModel])
  scores: RequirementScoreModel[];
}

@ObjectType('RequirementAggregate')
export class RequirementAggregateModel {
  @Field(() => ID)
  requirementId: string;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Int, { nullable: true })
  min: number | null;

  @Field(() => Int, { nullable: true })
  max: number | null;

  @Field(() => Int, { nullable: true, description: 'max - min' })
  spread: number | null;

  @Field(() => Int, { description: 'Panelists who scored this requirement' })
  count: number;
}

@ObjectType('PanelAggregate', { description: 'The panel on one candidate, from submitted scores of current, unconflicted panelists' })
export class PanelAggregateModel {
  @Field(() => [RequirementAggregateModel])
  perRequirement: RequirementAggregateModel[];

  @Field(() => Float, { nullable: true, description: 'Mean of the per-requirement means' })
  overallMean: number | null;

  @Field(() => Float, { nullable: true, description: "max - min of the panelists' own overall means" })
  spread: number | null;

  @Field(() => Int)
  panelistCount: number;
}

@ObjectType('PanelScoreSheet', { description: 'Scores for one candidate as this viewer may see them' })
export class PanelScoreSheetModel {
  @Field(() => ID)
  applicationId: string;

  @Field(() => [RequirementScoreModel], { description: 'Your own scores (panelists)' })
  myScores: RequirementScoreModel[];

  @Field({ description: 'You have submitted your scores for this candidate' })
  submitted: boolean;

  @Field(() => PanelAggregateModel, { nullable: true, description: 'HR always; a panelist once they have submitted their own' })
  aggregate: PanelAggregateModel | null;

  @Field(() => [PanelistScoresModel], { nullable: true, description: 'HR only' })
  panelists: PanelistScoresModel[] | null;
}
