import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OfferStatus } from './hiring-enums.js';

@ObjectType('Offer', { description: 'An offer of a role to a candidate' })
export class OfferModel {
  @Field(() => ID, { description: "The offer's id" })
  id: string;

  @Field(() => ID, { description: 'The application it answers' })
  applicationId: string;

  @Field(() => ID, { description: 'The role' })
  roleId: string;

  @Field({ description: 'Its title' })
  roleTitle: string;

  @Field(() => ID, { description: 'The candidate' })
  educatorId: string;

  @Field(() => OfferStatus, { description: 'Where the offer stands' })
  status: OfferStatus;

  @Field(() => Float, { description: "The role's share of a full-time post, e.g. 0.4" })
  roleFte: number;

  @Field({ description: 'First day of the hybrid commitment (YYYY-MM-DD)' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD); null for open-ended' })
  endsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why the offer closed without your answer (for example: the role was filled)' })
  closedReason: string | null;

  @Field({ description: 'HR only: the offer departs from the latest saved ranking run (false for anyone else)' })
  override: boolean;

  @Field(() => String, { nullable: true, description: 'HR only: why the offer departs from the latest saved ranking run; null otherwise' })
  overrideReason: string | null;

  @Field(() => ID, { nullable: true, description: 'HR only: the saved ranking run the offer was checked against' })
  rankingRunId: string | null;

  @Field(() => Int, { nullable: true, description: 'HR only: the rank of the candidate that run pointed to' })
  expectedRank: number | null;

  @Field({ description: 'When HR made the offer' })
  madeAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the candidate answered or it closed; null while PENDING' })
  respondedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The hybrid commitment recorded on acceptance' })
  commitmentId: string | null;
}
