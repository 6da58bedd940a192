import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';

export const MAX_COMPARED = 20;

@ArgsType()
export class ComparisonArgs {
  @Field(() => ID, { description: 'The role the candidates applied for' })
  @IsUUID()
  roleId: string;

  @Field(() => [ID], { description: `Applications to compare, 1-${MAX_COMPARED}, shown in this order` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARED)
  @IsUUID('all', { each: true })
  applicationIds: string[];
}
