import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadinessService } from './readiness.service.js';

/**
 * Probes for orchestrators and load balancers. Unauthenticated on purpose: they reveal only up/down states.
 * Liveness says the process serves HTTP; readiness says it should receive traffic.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  live(@Res() res: Response): void {
    res.status(200).json({ status: 'ok' });
  }

  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const result = await this.readiness.check();
    res
      .status(result.ready ? 200 : 503)
      .setHeader('cache-control', 'no-store')
      .json({ status: result.ready ? 'ready' : 'unavailable', ...result.checks, ...(result.reason ? { reason: result.reason } : {}) });
  }
}
