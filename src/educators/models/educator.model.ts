import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

/**
 * An educator profile as a viewer may see it. Holds no protected attributes or proxies.
 * Contact details (workEmail) are visible only to HR and to the educator themself.
 */
@ObjectType('Educator', {
  description:
    'An educator profile: a member of staff with an evidence portfolio. Holds no protected attributes; contact details only for HR and the educator',
})
export class EducatorModel {
  @Field(() => ID, { description: "The educator's id" })
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The district's own id from its HR system (imports match on it); null unless you are HR or this educator, or when never given",
  })
  employeeId: string | null;

  @Field({ description: 'Their full name' })
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Null unless you are HR or this educator' })
  workEmail: string | null;

  @Field(() => ID, { description: 'The building they work in now' })
  buildingId: string;

  @Field({ description: 'What they teach or do now, e.g. "Grade 7 science"; may be empty' })
  currentAssignment: string;

  @Field({ description: "First day on the district's staff (YYYY-MM-DD); years of service count from it" })
  hireDate: string;

  @Field(() => String, {
    nullable: true,
    description: 'First day no longer on staff (YYYY-MM-DD); null while employed, or unless you are HR or this educator',
  })
  leavingDate: string | null;

  @Field(() => Int, { description: 'Increases with every change; send it back when you change the profile' })
  version: number;
}

@ObjectType('EducatorConnection', { description: 'A page of educators, by name' })
export class EducatorConnection extends Connection(EducatorModel) {}
