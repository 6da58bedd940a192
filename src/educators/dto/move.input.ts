import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

@InputType({ description: "An educator's move to another building from a given day; the building history keeps both" })
export class MoveEducatorInput extends VersionedRefInput {
  @Field(() => ID, { description: 'The building the educator moves to (not archived)' })
  @IsUUID('all', { message: 'buildingId is malformed: ids are UUIDs' })
  buildingId: string;

  @Field({
    description:
      'The first day in the new building (YYYY-MM-DD): after the current assignment started, before any leaving date, at most a year ahead',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be a real calendar date' })
  effectiveFrom: string;
}
