import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

/**
 * An educator profile as a viewer may see it. Holds no protected attributes or proxies.
 * Contact details (workEmail) are visible only to HR and to the educator themself.
 */
@ObjectType('Educator')
export class EducatorModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: "The district's own id from its HR system (imports match on it); null unless you are HR or this educator, or when never given" })
  employeeId: string | null;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Null unless you are HR or this educator' })
  workEmail: string | null;

  @Field(() => ID)
  buildingId: string;

  @Field()
  currentAssignment: string;

  @Field({ description: 'ISO date (YYYY-MM-DD)' })
  hireDate: string;

  @Field(() => String, { nullable: true, description: 'First day no longer on staff (YYYY-MM-DD); null while employed, or unless you are HR or this educator' })
  leavingDate: string | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('EducatorConnection')
export class EducatorConnection extends Connection(EducatorModel) {}
