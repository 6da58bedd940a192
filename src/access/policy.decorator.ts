import { SetMetadata } from '@nestjs/common';
import { Persona } from './persona.js';

export const POLICY_KEY = 'pathways:policy';

/** A root field's access policy. Every root query and mutation must declare exactly one. */
export type Policy = { public: true } | { public: false; personas: readonly Persona[] | 'any' };

/** Anyone, signed in or not (sign-in itself). */
export const Public = () => SetMetadata(POLICY_KEY, { public: true } satisfies Policy);

/** Any signed-in account, whatever its personas; the service narrows what it returns. */
export const SignedIn = () => SetMetadata(POLICY_KEY, { public: false, personas: 'any' } satisfies Policy);

/** Signed in with at least one of these personas. */
export const Allow = (...personas: Persona[]) => SetMetadata(POLICY_KEY, { public: false, personas } satisfies Policy);
