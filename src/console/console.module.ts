import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { FAIRNESS_CHART } from '../fairness/fairness-chart.controller.js';
import { CAPACITY_CHARTS } from '../reports/capacity-charts.controller.js';
import { CONSOLE_ASSETS, loadConsoleAssets } from './console-assets.js';
import { CONSOLE_PAGE_DATA, ConsoleController } from './console.controller.js';
import type { ConsolePageData } from './console-page.js';
import { loadExampleOperations } from './example-operations.js';
import { projectRoot } from './project-root.js';

/** The charts the console links to, with the arguments of the README's examples. */
export const CONSOLE_CHARTS: ConsolePageData['charts'] = [
  {
    title: 'Capacity heat map',
    href: `${CAPACITY_CHARTS.heatMap.path}?frameworkCode=DISTRICT-AI-READINESS&level=2`,
    file: 'capacity-heat-map.svg',
    personas: CAPACITY_CHARTS.heatMap.personas,
  },
  {
    title: 'Coverage by building',
    href: `${CAPACITY_CHARTS.coverage.path}?frameworkCode=DISTRICT-AI-READINESS&competencyCodes=AI-TOOL-EVAL,AI-BIAS,DATA-PRIVACY&minLevel=2`,
    file: 'capacity-coverage.svg',
    personas: CAPACITY_CHARTS.coverage.personas,
  },
  {
    title: 'Bias audit impact ratios (newest audit)',
    href: FAIRNESS_CHART.path,
    file: 'fairness-impact-ratios.svg',
    personas: FAIRNESS_CHART.personas,
  },
];

/** Serves the console at /console when CONSOLE_ENABLED (default: outside production); otherwise registers nothing. */
@Module({})
export class ConsoleModule {
  static forRoot(config: AppConfig, root: string = projectRoot()): DynamicModule {
    if (!config.consoleEnabled) return { module: ConsoleModule };
    const examples = loadExampleOperations(join(root, 'graphql', 'examples'));
    const signIn = examples.find((e) => e.name === 'SignIn');
    if (!signIn) throw new Error('graphql/examples/sign-in.graphql (the console signs in with it) is missing');
    const data: ConsolePageData = {
      endpoint: 'graphql',
      examples,
      signIn: { query: signIn.query, operationName: signIn.name, defaultEmail: config.seedDemo ? 'hr@demo.pathways.test' : '' },
      charts: CONSOLE_CHARTS,
    };
    return {
      module: ConsoleModule,
      controllers: [ConsoleController],
      providers: [
        { provide: CONSOLE_ASSETS, useValue: loadConsoleAssets(join(root, 'dist', 'console')) },
        { provide: CONSOLE_PAGE_DATA, useValue: data },
      ],
    };
  }
}
