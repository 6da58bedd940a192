import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ErasureRowCount', { description: 'Rows one erasure changed in one table' })
export class ErasureRowCountModel {
  @Field({ description: 'The table, e.g. evidence' }) table: string;
  @Field({ description: 'DELETED, ANONYMISED or PSEUDONYMISED' }) action: string;
  @Field(() => Int, { description: 'How many rows were changed' }) rows: number;
}

@ObjectType('ErasureMention', {
  description: "Other people's records whose free text names the erased person: left as they are, for HR to review",
})
export class ErasureMentionModel {
  @Field({ description: 'The table, e.g. panel_score' }) table: string;
  @Field({ description: 'The free-text field, e.g. comment' }) field: string;
  @Field(() => Int, { description: "How many of other people's rows name the person there" }) rows: number;
}

@ObjectType('ErasurePlanStep', { description: 'What erasure does to one table' })
export class ErasurePlanStepModel {
  @Field({ description: 'The table, e.g. evidence' }) table: string;
  @Field({ description: 'DELETED, ANONYMISED or PSEUDONYMISED' }) action: string;
  @Field({ description: 'What is erased there, in plain words' }) what: string;
}

@ObjectType('ErasureResult', { description: "What erasing a person's data did" })
export class ErasureResultModel {
  @Field(() => ID, { description: 'The educator erased (the profile row stays, emptied)' }) educatorId: string;
  @Field(() => ID, { description: 'The stable pseudonym that replaces the person in the audit log' }) educatorPseudonym: string;
  @Field(() => Date, { description: 'When the erasure ran (the first one, when alreadyErased)' }) erasedAt: Date;
  @Field({ description: 'The person was erased before: nothing was done now' }) alreadyErased: boolean;
  @Field(() => [ErasureRowCountModel], { description: 'Rows changed by this erasure, per table (empty when alreadyErased)' })
  rows: ErasureRowCountModel[];
  @Field(() => [ErasureMentionModel], {
    description:
      "Other people's records whose free text names the person (full name, any case), per table and field: erasure does not rewrite them; review them by hand. Empty when none, and when alreadyErased",
  })
  mentionsElsewhere: ErasureMentionModel[];
  @Field(() => [ErasurePlanStepModel], { description: 'What erasure does, table by table' }) plan: ErasurePlanStepModel[];
}
