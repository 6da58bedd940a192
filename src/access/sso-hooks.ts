import type { Principal } from './persona.js';

/**
 * What single sign-on needs from above access: creating an account just in time, and auditing a session once.
 * Implemented by the accounts module and wired in by the application (SSO_HOOKS), so access imports neither
 * accounts nor the audit log.
 */
export interface SsoHooks {
  /** Creates an account for a verified identity-provider email, or throws a coded UNAUTHENTICATED error. */
  provision(email: string): Promise<void>;
  /** Called on every single sign-on request; records the sign-in once per identity-provider session. */
  seen(sessionKey: string, principal: Principal): Promise<void>;
}

export const SSO_HOOKS = Symbol('SsoHooks');
