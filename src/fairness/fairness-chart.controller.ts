import { Controller, Get, Headers, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ChartAccess, personasOf } from '../charts/chart-access.js';
import { ChartErrorFilter, refuseUnknownParams, sendSvg, singleParam, type QueryValues } from '../charts/chart-http.js';
import { renderSvg } from '../charts/render-svg.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { UuidPipe } from '../common/ids.js';
import { impactRatioChart } from './domain/impact-ratio-chart.js';
import { FairnessAuditService } from './fairness-audit.service.js';
import { FairnessAuditResolver } from './fairness.resolver.js';

/** The impact ratios of a saved bias audit, for whom `fairnessAudit` is: COMPLIANCE. */
export const FAIRNESS_CHART = { path: 'charts/fairness-impact-ratios.svg', personas: personasOf(FairnessAuditResolver, 'fairnessAudit') };

@Controller()
@UseFilters(ChartErrorFilter)
export class FairnessChartController {
  constructor(
    private readonly access: ChartAccess,
    private readonly audits: FairnessAuditService,
  ) {}

  /** `auditId`: a saved audit; without it, the newest one. */
  @Get(FAIRNESS_CHART.path)
  async impactRatios(@Headers('authorization') auth: string | undefined, @Query() query: QueryValues, @Res() res: Response): Promise<void> {
    await this.access.authorize(auth, FAIRNESS_CHART.personas);
    refuseUnknownParams(query, ['auditId']);
    const id = singleParam(query, 'auditId');
    const audit = id !== undefined ? await this.audits.audit(UuidPipe.transform(id) as string) : (await this.audits.audits(1)).nodes[0];
    if (!audit) throw new AppError(ErrorCode.NOT_FOUND, 'No bias audit has been run yet; run one with runFairnessAudit');
    sendSvg(res, await renderSvg(impactRatioChart(audit)), 'fairness-impact-ratios.svg');
  }
}
