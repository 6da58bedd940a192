import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { EvidenceKind, VerificationStatus } from '../models/evidence-enums.js';

@ArgsType()
export class EvidenceListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Whose evidence; educators only ever get their own' })
  @IsOptional()
  @IsUUID()
  educatorId?: string;

  @Field(() => EvidenceKind, { nullable: true, description: 'Only evidence of this kind' })
  @IsOptional()
  @IsEnum(EvidenceKind)
  kind?: EvidenceKind;

  @Field(() => VerificationStatus, { nullable: true, description: 'Only evidence with this verification status' })
  @IsOptional()
  @IsEnum(VerificationStatus)
  status?: VerificationStatus;

  @Field({
    defaultValue: false,
    description: "Archived (soft-deleted) items instead of live ones: HR sees anyone's, an educator their own",
  })
  @IsBoolean()
  archived: boolean = false;
}
