import { Module } from '@nestjs/common';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { RoleRequirementResolver } from './role-requirement.resolver.js';
import { RolesResolver } from './roles.resolver.js';
import { RoleReadRepository } from './role-read.repository.js';
import { RolesRepository } from './roles.repository.js';
import { RolesService } from './roles.service.js';

@Module({
  imports: [BuildingsModule, CompetenciesModule],
  providers: [RolesService, RoleReadRepository, RolesRepository, RolesResolver, RoleRequirementResolver],
  exports: [RolesService, RoleReadRepository],
})
export class RolesModule {}
