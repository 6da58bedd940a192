import { Module } from '@nestjs/common';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { EducatorsResolver } from './educators.resolver.js';
import { EducatorsService } from './educators.service.js';
import { BuildingAssignmentsService } from './building-assignments.service.js';

@Module({
  imports: [BuildingsModule],
  providers: [EducatorsService, BuildingAssignmentsService, EducatorsResolver],
  exports: [EducatorsService],
})
export class EducatorsModule {}
