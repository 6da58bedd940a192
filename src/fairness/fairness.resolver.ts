import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HeavyWork } from '../common/heavy/heavy-work.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { DECLINED, RACE_CATEGORIES, RACE_LABELS, SEX_CATEGORIES, SEX_LABELS } from './domain/categories.js';
import { FairnessAuditsArgs, RunFairnessAuditInput, SetSelfIdentificationInput } from './dto/fairness.input.js';
import { fairnessAuditCsv } from './fairness-csv.js';
import { FairnessAuditService } from './fairness-audit.service.js';
import { FairnessAuditConnection, FairnessAuditModel } from './models/fairness-audit.model.js';
import { SelfIdentificationModel, SelfIdentificationOptionsModel } from './models/self-identification.model.js';
import { SelfIdentificationService } from './self-identification.service.js';

const NOTICE =
  'Answering is voluntary and you can change or withdraw your answer at any time. It is kept apart from your profile: ' +
  'no ranking, score, explanation, comparison or report uses it, and HR, panels and leaders never see it. ' +
  "It is counted only, together with everyone else's, in the district's bias audit of its hiring and ranking.";

@Resolver()
export class SelfIdentificationResolver {
  constructor(private readonly service: SelfIdentificationService) {}

  @SignedIn()
  @Query(() => SelfIdentificationOptionsModel, { description: 'The self-identification categories, with labels, and how answers are used' })
  selfIdentificationOptions(): SelfIdentificationOptionsModel {
    return {
      sex: ([...SEX_CATEGORIES, DECLINED] as const).map((code) => ({ code, label: SEX_LABELS[code] })),
      raceEthnicity: ([...RACE_CATEGORIES, DECLINED] as const).map((code) => ({ code, label: RACE_LABELS[code] })),
      notice: NOTICE,
    };
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => SelfIdentificationModel, {
    nullable: true,
    description: 'Educator: your own voluntary self-identification, if you gave one',
  })
  mySelfIdentification(@CurrentPrincipal() viewer: Principal): Promise<SelfIdentificationModel | null> {
    return this.service.mine(viewer);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => SelfIdentificationModel, {
    description: 'Educator: give or change your voluntary self-identification (decline to state is always an option)',
  })
  setMySelfIdentification(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your answer, and the version you loaded when changing it' }) input: SetSelfIdentificationInput,
  ): Promise<SelfIdentificationModel> {
    return this.service.set(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => Boolean, { description: 'Educator: withdraw your self-identification; nothing of it is kept. False when there was none' })
  withdrawMySelfIdentification(@CurrentPrincipal() actor: Principal): Promise<boolean> {
    return this.service.withdraw(actor);
  }
}

@Resolver(() => FairnessAuditModel)
export class FairnessAuditResolver {
  constructor(private readonly audits: FairnessAuditService) {}

  @Allow(Persona.COMPLIANCE)
  @HeavyWork()
  @Mutation(() => FairnessAuditModel, {
    description: 'Compliance: run a bias audit for a role or all roles over a period; it is saved as run',
  })
  runFairnessAudit(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The role (or all roles), the period and the small-category options' }) input: RunFairnessAuditInput,
  ): Promise<FairnessAuditModel> {
    return this.audits.run(actor, input);
  }

  @Allow(Persona.COMPLIANCE)
  @Query(() => FairnessAuditModel, { description: 'Compliance: a saved bias audit, exactly as it was run' })
  fairnessAudit(@Args('id', { type: () => ID, description: "The saved audit's id" }, UuidPipe) id: string): Promise<FairnessAuditModel> {
    return this.audits.audit(id);
  }

  @Allow(Persona.COMPLIANCE)
  @Query(() => FairnessAuditConnection, { description: 'Compliance: saved bias audits, newest first' })
  fairnessAudits(@Args() args: FairnessAuditsArgs): Promise<FairnessAuditConnection> {
    return this.audits.audits(args.first, args.after);
  }

  @ResolveField(() => String, { description: 'The same audit as CSV text (header row first)' })
  csv(@Parent() audit: FairnessAuditModel): string {
    return fairnessAuditCsv(audit);
  }
}
