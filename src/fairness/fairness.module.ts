import { Module } from '@nestjs/common';
import { ChartAccess } from '../charts/chart-access.js';
import { FairnessChartController } from './fairness-chart.controller.js';
import { FairnessAuditService } from './fairness-audit.service.js';
import { FairnessAuditResolver, SelfIdentificationResolver } from './fairness.resolver.js';
import { FairnessRepository } from './fairness.repository.js';
import { SelfIdentificationService } from './self-identification.service.js';

/**
 * Voluntary self-identification and the bias audit. Exports nothing: no other module can read answers.
 */
@Module({
  controllers: [FairnessChartController],
  providers: [
    ChartAccess,
    FairnessRepository,
    FairnessAuditService,
    SelfIdentificationService,
    SelfIdentificationResolver,
    FairnessAuditResolver,
  ],
})
export class FairnessModule {}
