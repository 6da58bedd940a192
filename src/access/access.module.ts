import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PrincipalCache } from './principal-cache.js';
import { PrincipalResolver } from './principal.resolver-service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { SsoSessions } from './sso-sessions.service.js';
import { TokenService } from './token.service.js';
import { VisibilityService } from './visibility.service.js';

@Global()
@Module({
  providers: [SignInThrottle, VisibilityService, TokenService, PrincipalCache, SsoSessions, PrincipalResolver, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService, AuthService, VisibilityService, PrincipalCache],
})
export class AccessModule {}
