import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { scimAdminApiRef } from './api/ScimAdminApi';
import { ScimAdminClient } from './api/ScimAdminClient';
import { scimDirectoryApiRef } from './api/ScimDirectoryApi';
import { ScimDirectoryClient } from './api/ScimDirectoryClient';
import { scimLogsApiRef } from './api/ScimLogsApi';
import { ScimLogsClient } from './api/ScimLogsClient';
import { rootRouteRef } from './routes';

/** The Identity and access frontend plugin. */
export const scimPlugin = createPlugin({
  id: 'scim',
  routes: { root: rootRouteRef },
  apis: [
    createApiFactory({
      api: scimAdminApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ScimAdminClient(deps),
    }),
    createApiFactory({
      api: scimDirectoryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ScimDirectoryClient(deps),
    }),
    createApiFactory({
      api: scimLogsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ScimLogsClient(deps),
    }),
  ],
});

/** The Identity and access page; mount it at `/identity-access`. */
export const IdentityAccessPage = scimPlugin.provide(
  createRoutableExtension({
    name: 'IdentityAccessPage',
    component: () =>
      import('./components/IdentityAccessPage').then(m => m.IdentityAccessPage),
    mountPoint: rootRouteRef,
  }),
);
