import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Persona } from '../persona.js';

registerEnumType(Persona, { name: 'Persona' });

@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => ID)
  accountId: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Persona])
  personas: Persona[];

  @Field(() => ID, { nullable: true, description: 'Your educator profile, when you hold the EDUCATOR persona' })
  educatorId: string | null;
}

@ObjectType('Session')
export class SessionModel {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>"' })
  accessToken: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => ViewerModel)
  viewer: ViewerModel;
}
