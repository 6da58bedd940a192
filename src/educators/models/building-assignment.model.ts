import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('BuildingAssignment', { description: 'Where an educator worked, when' })
export class BuildingAssignmentModel {
  @Field(() => ID, { description: 'The building' })
  buildingId: string;

  @Field({ description: 'First day in the building (YYYY-MM-DD)' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day in the building (YYYY-MM-DD, inclusive); null while it lasts' })
  endsOn: string | null;
}
