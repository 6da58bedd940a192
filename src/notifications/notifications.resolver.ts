import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { MarkNotificationsReadArgs, MyNotificationsArgs, NotificationPreferencesInput, OutboxArgs } from './dto/notification.args.js';
import { NotificationConnection, NotificationPreferencesModel, OutboxDeliveryModel } from './models/notification.model.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationsService } from './notifications.service.js';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  @SignedIn()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first, with the unread count' })
  async myNotifications(@CurrentPrincipal() actor: Principal, @Args() args: MyNotificationsArgs): Promise<NotificationConnection> {
    return this.notifications.mine(actor, args);
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Marks your own notifications read; returns how many changed' })
  async markNotificationsRead(@CurrentPrincipal() actor: Principal, @Args() args: MarkNotificationsReadArgs): Promise<number> {
    return this.notifications.markRead(actor, args.ids);
  }

  @SignedIn()
  @Query(() => NotificationPreferencesModel, { description: 'What you chose to be told about' })
  async myNotificationPreferences(@CurrentPrincipal() actor: Principal): Promise<NotificationPreferencesModel> {
    return this.notifications.preferences(actor);
  }

  @SignedIn()
  @Mutation(() => NotificationPreferencesModel, { description: 'Changes what you are told about (new-role alerts are opt-in)' })
  async setNotificationPreferences(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The kinds of message you want to receive' }) input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    return this.notifications.setPreferences(actor, input);
  }

  @Allow(Persona.HR)
  @Query(() => NotificationConnection, {
    description: 'HR: every message in the outbox with its delivery status (off in production unless NOTIFICATION_OUTBOX_API)',
  })
  async notificationOutbox(@Args() args: OutboxArgs): Promise<NotificationConnection> {
    return this.notifications.outbox(args);
  }

  @Allow(Persona.HR)
  @Mutation(() => OutboxDeliveryModel, { description: 'HR: deliver what is due now instead of waiting for the worker' })
  async deliverNotifications(): Promise<OutboxDeliveryModel> {
    return this.delivery.deliverDue();
  }
}
