import { Module } from '@nestjs/common';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { EducatorsResolver } from './educators.resolver.js';
import { EducatorsService } from './educators.service.js';
import { LeaversService } from './leavers.service.js';

@Module({
  imports: [BuildingsModule],
  providers: [EducatorsService, LeaversService, EducatorsResolver],
  exports: [EducatorsService],
})
export class EducatorsModule {}
