import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OfferStatus } from './hiring-enums.js';

@ObjectType('Offer')
export class OfferModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  roleId: string;

  @Field()
  roleTitle: string;

  @Field(() => ID)
  educatorId: string;

  @Field(() => OfferStatus)
  status: OfferStatus;

  @Field(() => Float)
  roleFte: number;

  @Field()
  startsOn: string;

  @Field(() => String, { nullable: true })
  endsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why the offer closed without your answer (for example: the role was filled)' })
  closedReason: string | null;

  @Field({ description: 'HR only: the offer departs from the latest saved ranking run (false for anyone else)' })
  override: boolean;

  @Field(() => String, { nullable: true, description: 'HR only' })
  overrideReason: string | null;

  @Field(() => ID, { nullable: true, description: 'HR only: the saved ranking run the offer was checked against' })
  rankingRunId: string | null;

  @Field(() => Int, { nullable: true, description: 'HR only: the rank of the candidate that run pointed to' })
  expectedRank: number | null;

  @Field()
  madeAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The hybrid commitment recorded on acceptance' })
  commitmentId: string | null;
}
