import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

@ObjectType('Building')
export class BuildingModel {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field({ description: 'ELEMENTARY, MIDDLE, HIGH or OTHER' })
  level: string;
}

@ObjectType('BuildingConnection')
export class BuildingConnection extends Connection(BuildingModel) {}
