import { EmptyState } from '@backstage/core-components';
import { Permission } from '@backstage/plugin-permission-common';

export interface PermissionRequiredProps {
  /** The permission the user lacks. */
  permission: Permission;
  /** What it would let them do, e.g. "see the provisioning logs". */
  action: string;
  description?: string;
}

/** The "You need the identity admin permission" state of the Identity and access tabs. */
export function PermissionRequired(props: PermissionRequiredProps) {
  const {
    permission,
    action,
    description = 'Ask a portal administrator for it.',
  } = props;
  return (
    <EmptyState
      missing="info"
      title={`You need the identity admin permission (${permission.name}) to ${action}`}
      description={description}
    />
  );
}
