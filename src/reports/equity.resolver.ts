import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HeavyWork } from '../common/heavy/heavy-work.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { CapabilitiesService } from './capabilities.service.js';
import { LeaderView } from './capacity-reports.resolver.js';
import {
  CapabilityCoverageArgs,
  CapabilityTrendArgs,
  ConcentrationArgs,
  CreateCapabilityInput,
  DeleteCapabilityInput,
  UpdateCapabilityInput,
} from './dto/capability.input.js';
import { capabilityCoverageCsv, capabilityTrendCsv, concentrationCsv } from './equity-csv.js';
import { EquityReportsService } from './equity-reports.service.js';
import {
  CapabilityCoverageReportModel,
  CapabilityModel,
  CapabilityTrendReportModel,
  CommitmentConcentrationReportModel,
} from './models/capability.model.js';

const CSV = { description: 'The same report as CSV text (header row first)' };

@Resolver(() => CapabilityModel)
export class CapabilitiesResolver {
  constructor(private readonly service: CapabilitiesService) {}

  @Allow(Persona.HR, Persona.LEADER)
  @Query(() => [CapabilityModel], { description: 'HR and leaders: the named capabilities, by code' })
  capabilities(): Promise<CapabilityModel[]> {
    return this.service.list();
  }

  @Allow(Persona.HR)
  @Mutation(() => CapabilityModel, { description: 'HR: save a named capability (competencies at levels); a used code is CONFLICT' })
  createCapability(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The new capability's code, name and components" }) input: CreateCapabilityInput,
  ): Promise<CapabilityModel> {
    return this.service.create(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => CapabilityModel, { description: 'HR: rename a capability or replace its competencies' })
  updateCapability(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The capability, the version you loaded, and what to change' }) input: UpdateCapabilityInput,
  ): Promise<CapabilityModel> {
    return this.service.update(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => ID, { description: 'HR: delete a capability; answers its id' })
  deleteCapability(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The capability and the version you loaded' }) input: DeleteCapabilityInput,
  ): Promise<string> {
    return this.service.remove(actor, input);
  }
}

@Resolver(() => CapabilityCoverageReportModel)
export class CapabilityCoverageResolver {
  constructor(
    private readonly equity: EquityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => CapabilityCoverageReportModel, {
    description:
      'HR and leaders (small counts hidden): who holds a named capability, per building; buildings where its parts are held only apart are flagged SPLIT',
  })
  capabilityCoverage(
    @CurrentPrincipal() principal: Principal,
    @Args() args: CapabilityCoverageArgs,
  ): Promise<CapabilityCoverageReportModel> {
    return this.leader.apply(principal, this.equity.coverage(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() r: CapabilityCoverageReportModel): string {
    return capabilityCoverageCsv(r);
  }
}

@Resolver(() => CapabilityTrendReportModel)
export class CapabilityTrendResolver {
  constructor(
    private readonly equity: EquityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => CapabilityTrendReportModel, {
    description: 'HR and leaders (small counts hidden): coverage of a named capability by building, at month ends over the last 12 months',
  })
  capabilityTrend(@CurrentPrincipal() principal: Principal, @Args() args: CapabilityTrendArgs): Promise<CapabilityTrendReportModel> {
    return this.leader.apply(principal, this.equity.trend(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() r: CapabilityTrendReportModel): string {
    return capabilityTrendCsv(r);
  }
}

@Resolver(() => CommitmentConcentrationReportModel)
export class CommitmentConcentrationResolver {
  constructor(
    private readonly equity: EquityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => CommitmentConcentrationReportModel, {
    description:
      'HR and leaders (small counts hidden, no names): per building, the share of active hybrid commitments carried by its top 3 educators',
  })
  commitmentConcentration(
    @CurrentPrincipal() principal: Principal,
    @Args() args: ConcentrationArgs,
  ): Promise<CommitmentConcentrationReportModel> {
    return this.leader.apply(principal, this.equity.concentration(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() r: CommitmentConcentrationReportModel): string {
    return concentrationCsv(r);
  }
}
