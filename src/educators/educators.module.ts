import { Module } from '@nestjs/common';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { HiringModule } from '../hiring/hiring.module.js';
import { EducatorsResolver } from './educators.resolver.js';
import { EducatorsService } from './educators.service.js';
import { LeaversService } from './leavers.service.js';
import { LeaverSweepService } from './leaver-sweep.service.js';
import { BuildingAssignmentsService } from './building-assignments.service.js';

@Module({
  imports: [BuildingsModule, HiringModule],
  providers: [EducatorsService, LeaversService, LeaverSweepService, BuildingAssignmentsService, EducatorsResolver],
  exports: [EducatorsService],
})
export class EducatorsModule {}
