import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MAX_REASON_LENGTH } from '../domain/offer-override.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'An offer of the role to a candidate whose application is at INTERVIEW' })
export class MakeOfferInput {
  @Field(() => ID, { description: 'The application to make the offer on' })
  @IsUUID()
  applicationId: string;

  @Field({ description: 'First day of the hybrid commitment, YYYY-MM-DD' })
  @Matches(ISO_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; null for open-ended' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar date' })
  endsOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when the candidate is not the top-ranked qualified candidate of the latest saved ranking run',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  overrideReason?: string | null;
}

@InputType({ description: "A candidate's answer to their offer" })
export class AnswerOfferInput {
  @Field(() => ID, { description: 'Your offer' })
  @IsUUID()
  offerId: string;
}
