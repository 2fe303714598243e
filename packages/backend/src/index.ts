import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { configureRootHttpRouterForScim } from '@internal/backstage-plugin-scim-backend';

const backend = createBackend();

// SCIM requests skip the access log and idle compression (docs/performance.md).
backend.add(
  rootHttpRouterServiceFactory({ configure: configureRootHttpRouterForScim }),
);

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Allows what users' SCIM group access roles grant (docs/access.md). With
// `permission.enabled: false` (development) no policy is consulted.
backend.add(
  import('@internal/backstage-plugin-permission-backend-module-scim-roles'),
);

backend.add(import('@internal/backstage-plugin-scim-backend'));
backend.add(import('@internal/backstage-plugin-catalog-backend-module-scim'));

backend.start();
