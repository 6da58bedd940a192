import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Persona } from '../../access/persona.js';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A new person who may sign in' })
export class CreateAccountInput {
  @Field({ description: 'Sign-in email; unique regardless of case' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address such as name@district.example' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'The name colleagues will see in panels, audit entries and notifications' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName: string;

  @Field(() => [Persona], { description: 'One or more of HR, PANELIST, EDUCATOR, LEADER, COMPLIANCE, ENDORSER' })
  @IsEnum(Persona, { each: true, message: `personas must each be one of ${Object.values(Persona).join(', ')}` })
  @ArrayMaxSize(8)
  personas: Persona[];

  @Field(() => ID, { nullable: true, description: 'The educator profile this person is; required with the EDUCATOR persona' })
  @IsOptional()
  @IsUUID('all', { message: 'educatorId is malformed: ids are UUIDs' })
  educatorId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'ENDORSER only: the buildings whose educators (assigned there on the day) this account may endorse; replaces the old set',
  })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'endorserBuildingIds are malformed: ids are UUIDs' })
  @ArrayMaxSize(100)
  endorserBuildingIds?: string[] | null;
}

@InputType({ description: 'Changes to an account; omitted fields stay as they are' })
export class UpdateAccountInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'The new display name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;

  @Field(() => [Persona], { nullable: true, description: 'The full new set of personas (replaces the old set)' })
  @IsOptional()
  @IsEnum(Persona, { each: true, message: `personas must each be one of ${Object.values(Persona).join(', ')}` })
  @ArrayMaxSize(8)
  personas?: Persona[];

  @Field(() => ID, { nullable: true, description: 'Link to this educator profile' })
  @IsOptional()
  @IsUUID('all', { message: 'educatorId is malformed: ids are UUIDs' })
  educatorId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'ENDORSER only: the buildings whose educators (assigned there on the day) this account may endorse; replaces the old set',
  })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'endorserBuildingIds are malformed: ids are UUIDs' })
  @ArrayMaxSize(100)
  endorserBuildingIds?: string[] | null;
}

@InputType({ description: 'An account and the version you read' })
export class AccountRefInput extends VersionedRefInput {}

@InputType({ description: 'A password chosen through a one-time set-password link' })
export class SetPasswordInput {
  @Field({ description: 'The token from the set-password link' })
  @IsString()
  @MinLength(16)
  @MaxLength(128)
  token: string;

  @Field({ description: 'At least 12 characters and not a commonly used password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

@InputType({ description: 'A change of your own password' })
export class ChangePasswordInput {
  @Field({ description: 'Your password now; a wrong one is refused and audited' })
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  @Field({ description: 'At least 12 characters and not a commonly used password' })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}

export enum AccountStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'Whether an account may sign in',
  valuesMap: {
    ENABLED: { description: 'The account may sign in' },
    DISABLED: { description: 'The account may not sign in and its sessions have ended; HR can re-enable it' },
  },
});

@ArgsType()
export class AccountSearchArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the email, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true, description: 'Part of the display name, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @Field(() => Persona, { nullable: true, description: 'Only accounts holding this persona' })
  @IsOptional()
  @IsEnum(Persona)
  persona?: Persona;

  @Field(() => AccountStatus, { nullable: true, description: 'Only enabled or only disabled accounts' })
  @IsOptional()
  @IsEnum(AccountStatus, { message: 'status must be ENABLED or DISABLED' })
  status?: AccountStatus;
}
