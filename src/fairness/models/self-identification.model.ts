import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SelfIdentification', { description: 'Your own voluntary answer; only you see it, and only the fairness audit counts it' })
export class SelfIdentificationModel {
  @Field({ description: 'MALE, FEMALE or DECLINED_TO_STATE' })
  sex: string;

  @Field({ description: 'One of the EEO-1 race/ethnicity categories, or DECLINED_TO_STATE' })
  raceEthnicity: string;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back to change the answer (a stale version is CONFLICT)' })
  version: number;
}

@ObjectType('SelfIdentificationOption')
export class SelfIdentificationOptionModel {
  @Field() code: string;
  @Field() label: string;
}

@ObjectType('SelfIdentificationOptions', { description: 'The categories a self-identification form offers, in order' })
export class SelfIdentificationOptionsModel {
  @Field(() => [SelfIdentificationOptionModel]) sex: SelfIdentificationOptionModel[];
  @Field(() => [SelfIdentificationOptionModel]) raceEthnicity: SelfIdentificationOptionModel[];
  @Field({ description: 'What happens with the answer, in plain words' })
  notice: string;
}
