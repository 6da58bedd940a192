import type { Principal } from './persona.js';

/** The sign-in events the access module records. */
export enum AccessAuditAction {
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
}

/**
 * Where the access module writes its events: the audit log, wired in by the application (ACCESS_TRAIL), so
 * access does not import the audit module that sits above it.
 */
export interface AccessTrail {
  record(
    actor: Principal | null,
    entry: { action: AccessAuditAction; targetType: string; targetId: string | null; changes: Record<string, unknown> },
  ): Promise<void>;
}

export const ACCESS_TRAIL = Symbol('AccessTrail');
