import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

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
