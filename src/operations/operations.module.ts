import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { CacheMetrics } from '../common/cache-metrics.js';
import { ReadRoutingMetrics } from '../common/read-source.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HealthController } from './health.controller.js';
import { ServiceMetrics, startMetricsServer } from './metrics.js';
import { ReadinessService } from './readiness.service.js';
import { ServiceLifecycle } from './service-lifecycle.js';

/** Opens the metrics listener with the application and closes it on shutdown. */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ServiceMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined || this.server) return;
    try {
      this.server = await startMetricsServer(this.metrics, this.config.metricsPort, this.config.metricsToken);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new Error(`Port ${this.config.metricsPort} is already in use: set METRICS_PORT to a free port`, { cause: err });
      throw err;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

/** Health probes, metrics and the service's lifecycle state. */
@Module({})
export class OperationsModule {
  static forRoot(lifecycle: ServiceLifecycle, metrics: ServiceMetrics): DynamicModule {
    return {
      module: OperationsModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: ServiceLifecycle, useValue: lifecycle },
        { provide: ServiceMetrics, useValue: metrics },
        { provide: CacheMetrics, useValue: metrics },
        { provide: ReadRoutingMetrics, useValue: metrics },
        ReadinessService,
        MetricsListener,
      ],
      exports: [ServiceLifecycle, ServiceMetrics, CacheMetrics, ReadRoutingMetrics],
    };
  }
}
