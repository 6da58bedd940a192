import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SelfIdentification', { description: 'Your own voluntary answer; only you see it, and only the fairness audit counts it' })
export class SelfIdentificationModel {
  @Field({ description: 'MALE, FEMALE or DECLINED_TO_STATE' })
  sex: string;

  @Field({ description: 'One of the EEO-1 race/ethnicity categories, or DECLINED_TO_STATE' })
  raceEthnicity: string;

  @Field(() => Date, { description: 'When you last answered' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back to change the answer (a stale version is CONFLICT)' })
  version: number;
}

@ObjectType('SelfIdentificationOption', { description: 'One answer a self-identification question offers' })
export class SelfIdentificationOptionModel {
  @Field({ description: 'The code to send, e.g. FEMALE or HISPANIC_OR_LATINO' }) code: string;
  @Field({ description: 'The answer as a form shows it' }) label: string;
}

@ObjectType('SelfIdentificationOptions', { description: 'The categories a self-identification form offers, in order' })
export class SelfIdentificationOptionsModel {
  @Field(() => [SelfIdentificationOptionModel], { description: 'The answers to the sex question, DECLINED_TO_STATE included' })
  sex: SelfIdentificationOptionModel[];
  @Field(() => [SelfIdentificationOptionModel], { description: 'The EEO-1 race/ethnicity answers, DECLINED_TO_STATE included' })
  raceEthnicity: SelfIdentificationOptionModel[];
  @Field({ description: 'What happens with the answer, in plain words' })
  notice: string;
}
