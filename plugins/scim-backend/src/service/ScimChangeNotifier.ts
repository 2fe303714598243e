import { EventsService } from '@backstage/plugin-events-node';
import { SCIM_CHANGED_TOPIC } from '@internal/backstage-plugin-scim-common';
import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Tells the catalog module that the change feed moved. Publishes at most one
 * event per interval: under Entra's bursts one wake-up covers many writes,
 * and the module reads the feed from its cursor anyway.
 */
export class ScimChangeNotifier {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly events: EventsService,
    private readonly logger: LoggerService,
    private readonly intervalMs = 250,
  ) {}

  notify() {
    if (this.timer) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.events
        .publish({ topic: SCIM_CHANGED_TOPIC, eventPayload: {} })
        .catch(error =>
          this.logger.warn(`Could not publish ${SCIM_CHANGED_TOPIC}: ${error}`),
        );
    }, this.intervalMs);
    this.timer.unref?.();
  }
}
