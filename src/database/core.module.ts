import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HeavyWorkInterceptor, HeavyWorkLimiter } from '../common/heavy/heavy-work.js';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ReadSource } from '../common/read-source.js';
import { HotReads } from '../common/hot-read.js';
import { ReadRouter } from './read-router.js';

/** The process-wide pieces every module may inject: configuration, the data source, where heavy reads run, the audit log. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        AuditService,
        ReadRouter,
        { provide: ReadSource, useExisting: ReadRouter },
        HeavyWorkLimiter,
        HotReads,
        { provide: APP_INTERCEPTOR, useClass: HeavyWorkInterceptor },
      ],
      exports: [APP_CONFIG, DataSource, AuditService, ReadRouter, ReadSource, HeavyWorkLimiter, HotReads],
    };
  }
}
