import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { DeliveryStatus } from '../models/notification.model.js';

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only notifications not yet marked read' })
  @IsBoolean()
  unreadOnly: boolean = false;
}

@ArgsType()
export class OutboxArgs extends PageArgs {
  @Field(() => DeliveryStatus, { nullable: true, description: 'Only messages in this delivery status' })
  @IsOptional()
  @IsEnum(DeliveryStatus, { message: 'status must be PENDING, SENT or FAILED' })
  status?: DeliveryStatus;
}

@InputType({ description: 'Your notification choices, with the version you read' })
export class NotificationPreferencesInput {
  @Field({ description: 'Email me about newly posted roles I qualify for or am one requirement away from' })
  @IsBoolean()
  newRoleAlerts: boolean;

  @Field(() => Int, { description: 'The version you read (1 before any change); a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: 'Your notification ids, 1 to 100' })
  @ArrayMinSize(1, { message: 'Name at least one notification' })
  @ArrayMaxSize(100, { message: 'Mark at most 100 notifications at a time' })
  @IsUUID('all', { each: true, message: 'ids must be notification ids (UUIDs)' })
  ids: string[];
}
