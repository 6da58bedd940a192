import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VerificationStatus } from '../../evidence/models/evidence-enums.js';

export enum GapReason {
  NOBODY = 'NOBODY',
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
}

registerEnumType(GapReason, {
  name: 'CapacityGapReason',
  description: 'Why a building counts as a gap for a competency',
  valuesMap: {
    NOBODY: { description: 'Nobody in the building is at the level (buildings with no educators included)' },
    BELOW_THRESHOLD: { description: 'Some are, but the share is below the threshold' },
  },
});

@ObjectType('ReportCompetency', { description: 'A competency as reports name it' })
export class ReportCompetencyModel {
  @Field(() => ID, { description: "The competency's id" }) id: string;
  @Field({ description: 'Its code within its framework' }) code: string;
  @Field({ description: 'Its name' }) name: string;
  @Field({ description: 'The code of the framework it belongs to' }) frameworkCode: string;
}

@ObjectType('ReportBuilding', { description: 'A building as reports name it' })
export class ReportBuildingModel {
  @Field(() => ID, { description: "The building's id" }) id: string;
  @Field({ description: 'Its short code' }) code: string;
  @Field({ description: 'Its name' }) name: string;
}

/** What every report says about how it was computed, so a figure can always be reproduced. */
@ObjectType('ReportBasis', { description: 'How a report was computed, so any figure can be reproduced' })
export class ReportBasisModel {
  @Field({ description: 'The day the report answers for (YYYY-MM-DD)' })
  asOf: string;

  @Field(() => [VerificationStatus], { description: 'Verification statuses whose evidence counted' })
  statuses: VerificationStatus[];

  @Field(() => Int, { description: 'Scoring policy version whose counting rules applied' })
  policyVersion: number;

  @Field(() => Int, { description: 'The highest level attendance alone can show under that policy' })
  attendanceCapLevel: number;

  @Field(() => [ID], { nullable: true, description: 'The building filter, when one was given' })
  buildingIds: string[] | null;

  @Field({ description: 'Whether buildings archived by asOf with nobody on staff that day were listed' })
  includeArchived: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Set for district leaders: counts from 1 up to this minus 1 are null ("fewer than" this), with the shares built on them, so a small building cannot be de-anonymised',
  })
  smallCountsHiddenBelow?: number | null;
}
