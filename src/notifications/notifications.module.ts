import { Global, Module } from '@nestjs/common';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationOutbox } from './notification-outbox.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** The outbox is global like the audit log: any module writes a message inside its own transaction. */
@Global()
@Module({
  providers: [NotificationOutbox, NotificationDeliveryService, NotificationsService, NotificationsResolver],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
