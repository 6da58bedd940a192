import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver.js';

/** The HR-facing audit query; AuditService itself is provided globally by CoreModule. */
@Module({ providers: [AuditResolver] })
export class AuditModule {}
