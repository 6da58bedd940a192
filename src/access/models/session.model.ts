import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Persona } from '../persona.js';

registerEnumType(Persona, {
  name: 'Persona',
  description:
    'A hat an account wears; it decides which queries and mutations the account may call and which private data it sees. One account may hold several',
  valuesMap: {
    HR: { description: 'Human resources staff: maintain frameworks, buildings and accounts, post roles, verify evidence, run hiring' },
    PANELIST: { description: 'A hiring panel member: sees and scores the candidates of the roles whose panel they sit on' },
    EDUCATOR: { description: 'An educator: keeps an evidence portfolio, sees the open roles they qualify for, applies' },
    LEADER: {
      description:
        "District leadership: every capacity report, with small counts hidden, and nothing about an individual's evidence, applications or scores",
    },
    COMPLIANCE: { description: "Runs and reads the fairness audit (aggregates only; never an individual's self-identification)" },
    ENDORSER: {
      description:
        'Endorses (or declines) self-reported evidence of educators in the buildings HR scoped the account to: principals, pilot leads, people who know the work. Never their own evidence',
    },
  },
});

@ObjectType('Viewer', { description: 'The account you are signed in as, with the personas that decide what you may do' })
export class ViewerModel {
  @Field(() => ID, { description: "Your account's id (not your educator profile's id: see educatorId)" })
  accountId: string;

  @Field({ description: 'The email address you sign in with; notifications go here' })
  email: string;

  @Field({ description: 'Your name as colleagues see it in panels, audit entries and notifications' })
  displayName: string;

  @Field(() => [Persona], { description: 'Every persona your account holds; each unlocks its own queries and mutations' })
  personas: Persona[];

  @Field(() => ID, { nullable: true, description: 'Your educator profile, when you hold the EDUCATOR persona' })
  educatorId: string | null;
}

@ObjectType('Session', { description: 'A signed-in session: a bearer token and who it belongs to' })
export class SessionModel {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>"' })
  accessToken: string;

  @Field(() => Date, { description: 'When the access token stops working; sign in again after this time' })
  expiresAt: Date;

  @Field(() => ViewerModel, { description: 'The account this token signs you in as' })
  viewer: ViewerModel;
}
