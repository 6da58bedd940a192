import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HybridCommitment', { description: 'A hybrid role an educator holds, from Pathways (an accepted offer) or agreed outside it' })
export class CommitmentModel {
  @Field(() => ID, { description: "The commitment's id" }) id: string;
  @Field(() => ID, { description: 'The educator who holds it' }) educatorId: string;
  @Field(() => ID, { nullable: true, description: 'The posted role; null for a commitment made outside Pathways' }) roleId: string | null;
  @Field({ description: "The role's title" }) roleTitle: string;
  @Field(() => Float, { description: 'Its share of a full-time post, more than 0 and at most 1 (e.g. 0.4 = two days a week)' })
  roleFte: number;
  @Field({ description: 'First day (YYYY-MM-DD)' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'Last day, included (YYYY-MM-DD); null when open-ended' }) endsOn: string | null;
  @Field({ description: 'PATHWAYS or EXTERNAL' }) source: string;
  @Field(() => Int, { description: 'Increases with every change; send it back when you correct or end the commitment' }) version: number;
}
