import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ErasureRowCount')
export class ErasureRowCountModel {
  @Field() table: string;
  @Field({ description: 'DELETED, ANONYMISED or PSEUDONYMISED' }) action: string;
  @Field(() => Int) rows: number;
}

@ObjectType('ErasurePlanStep', { description: 'What erasure does to one table' })
export class ErasurePlanStepModel {
  @Field() table: string;
  @Field() action: string;
  @Field() what: string;
}

@ObjectType('ErasureResult')
export class ErasureResultModel {
  @Field(() => ID) educatorId: string;
  @Field(() => ID, { description: 'The stable pseudonym that replaces the person in the audit log' }) educatorPseudonym: string;
  @Field(() => Date) erasedAt: Date;
  @Field({ description: 'The person was erased before: nothing was done now' }) alreadyErased: boolean;
  @Field(() => [ErasureRowCountModel], { description: 'Rows changed by this erasure, per table (empty when alreadyErased)' }) rows: ErasureRowCountModel[];
  @Field(() => [ErasurePlanStepModel]) plan: ErasurePlanStepModel[];
}
