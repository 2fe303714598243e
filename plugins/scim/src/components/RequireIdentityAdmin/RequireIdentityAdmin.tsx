import { EmptyState, Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { scimSettingsReadPermission } from '@internal/backstage-plugin-scim-common';
import { ReactNode } from 'react';

export interface IdentityAdminRequiredProps {
  /** What the permission would let them do, e.g. "see the provisioning logs". */
  action: string;
}

/** What someone without `scim.settings.read` sees instead of an admin screen. */
export function IdentityAdminRequired(props: IdentityAdminRequiredProps) {
  return (
    <EmptyState
      missing="info"
      title={`You need the identity admin permission (${scimSettingsReadPermission.name}) to ${props.action}`}
      description="Ask a portal administrator for it."
    />
  );
}

/** Renders `children` only for identity admins, so nobody meets broken buttons. */
export function RequireIdentityAdmin(
  props: IdentityAdminRequiredProps & { children: ReactNode },
) {
  const { loading, allowed } = usePermission({
    permission: scimSettingsReadPermission,
  });
  if (loading) {
    return <Progress />;
  }
  return allowed ? (
    <>{props.children}</>
  ) : (
    <IdentityAdminRequired action={props.action} />
  );
}
