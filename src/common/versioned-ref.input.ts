import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

/**
 * The id and the version a client read: every change to a versioned record names both, so a stale version
 * is refused with CONFLICT instead of silently overwriting someone else's edit.
 */
@InputType({ isAbstract: true })
export abstract class VersionedRefInput {
  @Field(() => ID, { description: 'The id (a UUID) of the record to change' })
  @IsUUID('all', { message: '$property is malformed: ids are UUIDs' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}
