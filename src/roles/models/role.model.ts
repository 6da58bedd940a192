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
  description: 'Where a role posting is in its life: DRAFT -> OPEN -> CLOSED -> FILLED; CLOSED can reopen; OPEN can be filled directly',
  valuesMap: {
    DRAFT: { description: 'Being written; only HR sees it and nobody can apply' },
    OPEN: { description: 'Posted: educators see it, matching ranks candidates, and applications are taken' },
    CLOSED: { description: 'No new applications; the process continues with those who applied. Can reopen' },
    FILLED: { description: 'Every opening is taken; final, and the role can no longer be edited' },
  },
});
registerEnumType(RequirementKind, {
  name: 'RequirementKind',
  description: 'How a competency counts for a role: REQUIRED gates qualification; PREFERRED only adds to the score',
  valuesMap: {
    REQUIRED: { description: 'A candidate must demonstrate it at the minimum level to qualify' },
    PREFERRED: { description: 'Not needed to qualify, but demonstrating it raises the match score' },
  },
});

@ObjectType('RoleRequirement', { description: 'A competency a role asks for, at a minimum level, with its weight in the match score' })
export class RoleRequirementModel {
  @Field(() => ID, { description: "The requirement's id" })
  id: string;

  @Field(() => ID, { description: 'The role it belongs to' })
  roleId: string;

  @Field(() => ID, { description: 'The competency asked for' })
  competencyId: string;

  @Field(() => Int, { description: 'The lowest proficiency level of the competency that meets this requirement' })
  minLevel: number;

  @Field(() => Float, { description: 'Relative weight in (0, 100]' })
  weight: number;

  @Field(() => RequirementKind, { description: 'REQUIRED to qualify, or PREFERRED to add to the score' })
  kind: RequirementKind;

  @Field(() => Int, { description: 'Display order within the role, from 0' })
  position: number;
}

@ObjectType('Role', { description: 'A hybrid role posting: part classroom, part coaching or leading' })
export class RoleModel {
  @Field(() => ID, { description: "The role's id" })
  id: string;

  @Field({ description: 'What the role is called, e.g. "AI integration specialist"' })
  title: string;

  @Field({ description: 'What the role-holder will do; may be empty' })
  summary: string;

  @Field(() => ID, { nullable: true, description: 'Null when the role is district-wide' })
  buildingId: string | null;

  @Field({ description: 'True when the role is not tied to one building' })
  districtWide: boolean;

  @Field(() => Float, { description: 'Share of a full-time post spent teaching, 0-1 (e.g. 0.6)' })
  classroomFte: number;

  @Field(() => Float, { description: 'Share spent in the hybrid role (e.g. 0.4); classroomFte + roleFte <= 1.0' })
  roleFte: number;

  @Field(() => Int, { description: 'Annual stipend in whole currency units' })
  stipend: number;

  @Field(() => Int, { description: 'How many people the role will take' })
  openings: number;

  @Field(() => String, { nullable: true, description: 'Last day to apply, ISO date (YYYY-MM-DD)' })
  closingDate: string | null;

  @Field(() => RoleStatus, { description: 'Where the posting is in its life; non-HR viewers only ever see OPEN roles' })
  status: RoleStatus;

  @Field({ description: "True: the posting is for the district's own staff only (informational)" })
  internalOnly: boolean;

  @Field(() => Int, { nullable: true, description: 'When set, matching shows it explicitly; otherwise years of service play no part' })
  minYearsOfService: number | null;

  @Field(() => Int, { description: 'Increases with every change; send it back when you change the role or its status' })
  version: number;

  @Field(() => Date, { description: 'When HR created the posting' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the posting last changed' })
  updatedAt: Date;
}

@ObjectType('RoleConnection', { description: 'A page of role postings, newest first' })
export class RoleConnection extends Connection(RoleModel) {}
