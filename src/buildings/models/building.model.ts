import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

@ObjectType('Building', { description: 'A school or other district site where educators work and roles are based' })
export class BuildingModel {
  @Field(() => ID, { description: "The building's id" })
  id: string;

  @Field({ description: 'Short unique code, upper-case (e.g. "LHS"); used by imports and other systems, never changes' })
  code: string;

  @Field({ description: "The building's display name" })
  name: string;

  @Field({ description: 'ELEMENTARY, MIDDLE, HIGH or OTHER' })
  level: string;

  @Field(() => Date, { nullable: true, description: 'Set when archived: hidden from new data, kept in history' })
  archivedAt: Date | null;

  @Field(() => Int, { description: 'Increases with every change; send it back when you change the building' })
  version: number;
}

@ObjectType('BuildingConnection', { description: 'A page of buildings, ordered by code' })
export class BuildingConnection extends Connection(BuildingModel) {}
