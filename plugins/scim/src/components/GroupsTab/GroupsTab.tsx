import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  DirectoryGroup,
  scimSettingsManagePermission,
} from '@internal/backstage-plugin-scim-common';
import { Box, Button, Chip, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scimDirectoryApiRef } from '../../api/ScimDirectoryApi';
import { useServerPage } from '../../hooks/useServerPage';
import { errorMessage, isForbidden } from '../../utils/errors';
import { grantLabel } from '../../utils/grantLabel';
import { ManageButton } from '../ManageButton';
import {
  IdentityAdminRequired,
  RequireIdentityAdmin,
} from '../RequireIdentityAdmin';
import { ServerPagedTable } from '../ServerPagedTable';
import { GroupAccessDialog } from './GroupAccessDialog';
import { GroupMembersDialog } from './GroupMembersDialog';

const MANAGED_BY_LABELS = {
  'identity-provider': 'Identity provider',
  backstage: 'Backstage',
} as const;

function GroupsList() {
  const api = useApi(scimDirectoryApiRef);
  const manage = usePermission({ permission: scimSettingsManagePermission });
  const page = useServerPage(query => api.listGroups(query), [api]);
  // Every group with a grant, and the services for their titles: one call each.
  const grants = useAsyncRetry(async () => {
    const [access, services] = await Promise.all([
      api.listGroupAccess(),
      api.listServices(),
    ]);
    return { access, services };
  }, [api]);
  const [editing, setEditing] = useState<DirectoryGroup>();
  const [viewingMembers, setViewingMembers] = useState<DirectoryGroup>();

  const grantLabelsByGroup = useMemo(
    () =>
      new Map(
        (grants.value?.access ?? []).map(a => [
          a.groupEntityRef,
          a.grants.map(g => grantLabel(g, grants.value?.services ?? [])),
        ]),
      ),
    [grants.value],
  );

  if (isForbidden(page.result.error)) {
    return <IdentityAdminRequired action="see groups and their access" />;
  }

  const columns: TableColumn<DirectoryGroup>[] = [
    {
      title: 'Name',
      render: group => (
        <EntityRefLink entityRef={group.entityRef} title={group.displayName} />
      ),
    },
    {
      title: 'Managed by',
      render: group => (
        <Chip
          size="small"
          variant="outlined"
          color={
            group.managedBy === 'identity-provider' ? 'primary' : 'default'
          }
          label={MANAGED_BY_LABELS[group.managedBy]}
        />
      ),
    },
    {
      title: 'Members',
      render: group => (
        <Button
          size="small"
          aria-label={`View the ${group.memberCount} members of ${group.displayName}`}
          onClick={() => setViewingMembers(group)}
        >
          {group.memberCount}
        </Button>
      ),
    },
    {
      title: 'Access',
      render: group => {
        if (grants.loading && !grants.value) {
          return <Typography variant="body2">Loading…</Typography>;
        }
        const labels = grantLabelsByGroup.get(group.entityRef) ?? [];
        return labels.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No access
          </Typography>
        ) : (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {labels.map(label => (
              <Chip key={label} size="small" label={label} />
            ))}
          </Box>
        );
      },
    },
    {
      title: 'Actions',
      render: group => (
        <ManageButton
          canManage={manage.allowed}
          size="small"
          variant="outlined"
          color="primary"
          aria-label={`Update group access for ${group.displayName}`}
          onClick={() => setEditing(group)}
        >
          Update group access
        </ManageButton>
      ),
    },
  ];

  return (
    <>
      {grants.error && (
        <Box mb={2}>
          <Alert severity="error">
            Could not load the current grants: {errorMessage(grants.error)}
          </Alert>
        </Box>
      )}
      <ServerPagedTable
        title="Groups"
        page={page}
        columns={columns}
        searchLabel="Search groups"
        emptyMessage="No groups match. Groups appear here once they are in the catalog, provisioned by SCIM or defined in Backstage."
      />
      {editing && (
        <GroupAccessDialog
          group={editing}
          onClose={saved => {
            setEditing(undefined);
            if (saved) grants.retry();
          }}
        />
      )}
      {viewingMembers && (
        <GroupMembersDialog
          group={viewingMembers}
          onClose={() => setViewingMembers(undefined)}
        />
      )}
    </>
  );
}

/** Groups: every catalog group, who manages it, its members and its access. */
export function GroupsTab() {
  return (
    <RequireIdentityAdmin action="see groups and their access">
      <GroupsList />
    </RequireIdentityAdmin>
  );
}
