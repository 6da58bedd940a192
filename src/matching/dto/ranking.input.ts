import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';

@ArgsType()
export class RoleRankingArgs extends PageArgs {
  @Field(() => ID, { description: 'The role to rank candidates for' })
  @IsUUID()
  roleId: string;

  @Field({ defaultValue: false, description: 'Only candidates who meet every required competency' })
  @IsBoolean()
  qualifiedOnly: boolean = false;

  @Field(() => ID, { nullable: true, description: 'Only educators of this building' })
  @IsOptional()
  @IsUUID()
  buildingId?: string | null;
}

@ArgsType()
export class StandingArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only the roles the educator qualifies for' })
  @IsBoolean()
  qualifiedOnly: boolean = false;
}

@ArgsType()
export class EducatorStandingArgs extends StandingArgs {
  @Field(() => ID, { description: 'The educator' })
  @IsUUID('all', { message: 'educatorId is malformed: ids are UUIDs' })
  educatorId: string;
}

@ArgsType()
export class RankingRunsArgs extends PageArgs {
  @Field(() => ID, { description: 'The role whose saved runs to list' })
  @IsUUID()
  roleId: string;
}

export const MAX_SAVED_RESULTS = 1000;

@InputType({ description: 'A ranking to compute now and keep unchanged, for the hiring record' })
export class SaveRankingRunInput {
  @Field(() => ID, { description: 'The role to rank' })
  @IsUUID()
  roleId: string;

  @Field(() => Int, { defaultValue: 100, description: `How many top candidates to keep with their breakdowns, 1-${MAX_SAVED_RESULTS}` })
  @IsInt()
  @Min(1)
  @Max(MAX_SAVED_RESULTS)
  limit: number = 100;

  @Field({ defaultValue: false, description: 'Keep only candidates who meet every required competency' })
  @IsBoolean()
  qualifiedOnly: boolean = false;

  @Field(() => ID, { nullable: true, description: 'Only educators of this building; omit for all' })
  @IsOptional()
  @IsUUID()
  buildingId?: string | null;
}
