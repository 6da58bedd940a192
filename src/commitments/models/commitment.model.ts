import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HybridCommitment', { description: 'A hybrid role an educator holds, from Pathways (an accepted offer) or agreed outside it' })
export class CommitmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) educatorId: string;
  @Field(() => ID, { nullable: true, description: 'The posted role; null for a commitment made outside Pathways' }) roleId: string | null;
  @Field() roleTitle: string;
  @Field(() => Float) roleFte: number;
  @Field() startsOn: string;
  @Field(() => String, { nullable: true }) endsOn: string | null;
  @Field({ description: 'PATHWAYS or EXTERNAL' }) source: string;
  @Field(() => Int) version: number;
}
