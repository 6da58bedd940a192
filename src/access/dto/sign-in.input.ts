import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'The credentials of a local account' })
export class SignInInput {
  @Field({ description: 'The email address the account was created with (case does not matter)' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: "The account's password; repeated failures are throttled and audited as SIGN_IN_FAILED" })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  password: string;
}
