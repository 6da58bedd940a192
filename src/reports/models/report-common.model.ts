import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VerificationStatus } from '../../evidence/models/evidence-enums.js';

export enum GapReason {
  NOBODY = 'NOBODY',
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
}

registerEnumType(GapReason, {
  name: 'CapacityGapReason',
  valuesMap: {
    NOBODY: { description: 'Nobody in the building is at the level (buildings with no educators included)' },
    BELOW_THRESHOLD: { description: 'Some are, but the share is below the threshold' },
  },
});

@ObjectType('ReportCompetency')
export class ReportCompetencyModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field() frameworkCode: string;
}

@ObjectType('ReportBuilding')
export class ReportBuildingModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
}

/** What every report says about how it was computed, so a figure can always be reproduced. */
@ObjectType('ReportBasis')
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
    description: 'Set for district leaders: counts from 1 up to this minus 1 are null ("fewer than" this), with the shares built on them, so a small building cannot be de-anonymised',
  })
  smallCountsHiddenBelow?: number | null;
}
