import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readScimProviderConfig } from './config';
import { ScimEntityProvider } from './ScimEntityProvider';
import { DefaultScimFeedClient } from './ScimFeedClient';

/**
 * Catalog module that emits the users and groups provisioned over SCIM as
 * User and Group entities, within seconds of each change.
 *
 * @public
 */
export const catalogModuleScimEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'scim-entity-provider',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
        scheduler: coreServices.scheduler,
      },
      async init({
        catalog,
        config,
        logger,
        discovery,
        auth,
        events,
        scheduler,
      }) {
        const scimUrl = await discovery.getExternalBaseUrl('scim');
        catalog.addEntityProvider(
          new ScimEntityProvider({
            config: readScimProviderConfig(config),
            client: new DefaultScimFeedClient({ discovery, auth }),
            locationRef: `scim:${scimUrl}/v2`,
            logger,
            events,
            scheduler,
          }),
        );
      },
    });
  },
});
