import { Module } from '@nestjs/common';
import { BuildingsResolver } from './buildings.resolver.js';
import { BuildingsService } from './buildings.service.js';

@Module({
  providers: [BuildingsService, BuildingsResolver],
  exports: [BuildingsService],
})
export class BuildingsModule {}
