import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { ACCESS_TRAIL, type AccessTrail } from './access-trail.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PrincipalCache } from './principal-cache.js';
import { PrincipalResolver } from './principal.resolver-service.js';
import { PasswordHashing } from './password-hashing.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { SSO_HOOKS, type SsoHooks } from './sso-hooks.js';
import { TokenService } from './token.service.js';
import { PANEL_REACH, type PanelReach } from './visibility.js';
import { VisibilityService } from './visibility.service.js';

/**
 * Access sits below every domain module and imports none of them. What it needs from above - where to write
 * sign-in events, how far a panelist's seats reach - the application hands in here.
 */
@Global()
@Module({})
export class AccessModule {
  static forRoot(wiring: { trail: Type<AccessTrail>; panelReach: Type<PanelReach>; sso: Type<SsoHooks> }): DynamicModule {
    return {
      module: AccessModule,
      providers: [
        { provide: ACCESS_TRAIL, useExisting: wiring.trail },
        { provide: PANEL_REACH, useClass: wiring.panelReach },
        { provide: SSO_HOOKS, useClass: wiring.sso },
        SignInThrottle,
        PasswordHashing,
        VisibilityService,
        TokenService,
        PrincipalCache,
        PrincipalResolver,
        AuthService,
        AuthResolver,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TokenService, AuthService, VisibilityService, PrincipalResolver, PrincipalCache],
    };
  }
}
