import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { GuardedHttpClient } from './guarded-http-client.js';

/** Import this module to get the process's one guarded outbound client (one cache shared by every caller). */
@Module({
  providers: [
    { provide: GuardedHttpClient, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new GuardedHttpClient(config.outboundHttp) },
  ],
  exports: [GuardedHttpClient],
})
export class GuardedHttpModule {}
