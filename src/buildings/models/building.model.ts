import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field(() => Date, { nullable: true, description: 'Set when archived: hidden from new data, kept in history' })
  archivedAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('BuildingConnection')
export class BuildingConnection extends Connection(BuildingModel) {}
