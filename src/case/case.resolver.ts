import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { HeavyWork } from '../common/heavy/heavy-work.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { CaseImportService } from './case-import.service.js';
import { CaseService } from './case.service.js';
import { AddCrosswalkInput, ImportCasePackageInput, RemoveCrosswalkInput, SetFrameworkPublicationInput } from './dto/case.input.js';
import { CaseImportResultModel, CrosswalkModel, FrameworkPublicationModel } from './models/case.model.js';

@Resolver()
export class CaseResolver {
  constructor(
    private readonly service: CaseService,
    private readonly importer: CaseImportService,
  ) {}

  @SignedIn()
  @HeavyWork()
  @Query(() => String, { description: 'A framework as a CASE 1.1 CFPackage (JSON text)' })
  async exportCasePackage(
    @Args('frameworkId', { type: () => ID, description: 'The framework to export' }, UuidPipe) frameworkId: string,
  ): Promise<string> {
    return JSON.stringify(await this.service.exportFramework(frameworkId));
  }

  @Allow(Persona.HR)
  @HeavyWork()
  @Mutation(() => CaseImportResultModel, { description: 'Import a CASE CFPackage; with dryRun (the default) only a preview' })
  async importCasePackage(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The package (as JSON text or a URL) and whether to preview or write' }) input: ImportCasePackageInput,
  ): Promise<CaseImportResultModel> {
    const opts = { dryRun: input.dryRun, expectedVersion: input.expectedVersion };
    return this.importer.importFrom(actor, { json: input.packageJson, url: input.packageUrl }, opts);
  }

  @Allow(Persona.HR)
  @Mutation(() => FrameworkPublicationModel, {
    description: 'Publish a framework on the CASE provider to everyone or to signed-in users only',
  })
  async setFrameworkPublication(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The framework, its version, and who may read it' }) input: SetFrameworkPublicationInput,
  ): Promise<FrameworkPublicationModel> {
    return this.service.setPublication(actor, input);
  }

  @SignedIn()
  @Query(() => [CrosswalkModel], { description: 'Crosswalks from or to a competency' })
  async crosswalks(
    @Args('competencyId', { type: () => ID, description: 'The competency whose crosswalks to list, whichever end it is on' }, UuidPipe)
    competencyId: string,
  ): Promise<CrosswalkModel[]> {
    return this.service.crosswalks(competencyId);
  }

  @Allow(Persona.HR)
  @Mutation(() => CrosswalkModel, {
    description:
      "HR: record that a competency in one framework matches or relates to one in another (a CASE association, exported with the origin's framework)",
  })
  async addCrosswalk(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The two competencies and how they relate' }) input: AddCrosswalkInput,
  ): Promise<CrosswalkModel> {
    return this.service.addCrosswalk(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => Boolean, { description: 'HR: delete a crosswalk; true when it is gone' })
  async removeCrosswalk(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The crosswalk to delete' }) input: RemoveCrosswalkInput,
  ): Promise<boolean> {
    return this.service.removeCrosswalk(actor, input.id);
  }
}
