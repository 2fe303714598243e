import { EmptyState, Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { scimSettingsReadPermission } from '@internal/backstage-plugin-scim-common';
import { ReactNode } from 'react';

/** What someone without `scim.settings.read` sees instead of the admin screens. */
export function IdentityAdminRequired() {
  return (
    <EmptyState
      missing="info"
      title="You need the identity admin permission"
      description="Users, groups and their access are shown to identity admins only (permission scim.settings.read). Ask a portal administrator for it."
    />
  );
}

/** Renders `children` only for identity admins, so nobody meets broken buttons. */
export function RequireIdentityAdmin(props: { children: ReactNode }) {
  const { loading, allowed } = usePermission({
    permission: scimSettingsReadPermission,
  });
  if (loading) {
    return <Progress />;
  }
  return allowed ? <>{props.children}</> : <IdentityAdminRequired />;
}
