import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { RoleStatus } from '../domain/role-status.js';

export { RoleStatus };

export enum RequirementKind {
  REQUIRED = 'REQUIRED',
  PREFERRED = 'PREFERRED',
}

registerEnumType(RoleStatus, {
  name: 'RoleStatus',
  description: 'DRAFT -> OPEN -> CLOSED -> FILLED; CLOSED can reopen; OPEN can be filled directly',
});
registerEnumType(RequirementKind, {
  name: 'RequirementKind',
  description: 'REQUIRED gates qualification; PREFERRED only adds to the score',
});

@ObjectType('RoleRequirement')
export class RoleRequirementModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  roleId: string;

  @Field(() => ID)
  competencyId: string;

  @Field(() => Int, { description: 'The lowest proficiency level of the competency that meets this requirement' })
  minLevel: number;

  @Field(() => Float, { description: 'Relative weight in (0, 100]' })
  weight: number;

  @Field(() => RequirementKind)
  kind: RequirementKind;

  @Field(() => Int, { description: 'Display order within the role, from 0' })
  position: number;
}

@ObjectType('Role', { description: 'A hybrid role posting: part classroom, part coaching or leading' })
export class RoleModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field(() => ID, { nullable: true, description: 'Null when the role is district-wide' })
  buildingId: string | null;

  @Field()
  districtWide: boolean;

  @Field(() => Float)
  classroomFte: number;

  @Field(() => Float)
  roleFte: number;

  @Field(() => Int, { description: 'Annual stipend in whole currency units' })
  stipend: number;

  @Field(() => Int)
  openings: number;

  @Field(() => String, { nullable: true, description: 'Last day to apply, ISO date (YYYY-MM-DD)' })
  closingDate: string | null;

  @Field(() => RoleStatus)
  status: RoleStatus;

  @Field()
  internalOnly: boolean;

  @Field(() => Int, { nullable: true, description: 'When set, matching shows it explicitly; otherwise years of service play no part' })
  minYearsOfService: number | null;

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('RoleConnection')
export class RoleConnection extends Connection(RoleModel) {}
