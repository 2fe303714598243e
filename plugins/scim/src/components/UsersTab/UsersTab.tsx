import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  DirectoryUser,
  RemoveIdpManualRolesResponse,
  scimSettingsManagePermission,
} from '@internal/backstage-plugin-scim-common';
import { Box, Button, Chip, MenuItem, TextField } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useId, useState } from 'react';
import {
  DirectoryUserStatus,
  scimDirectoryApiRef,
} from '../../api/ScimDirectoryApi';
import { useServerPage } from '../../hooks/useServerPage';
import { errorMessage, isForbidden } from '../../utils/errors';
import { ConfirmDialog } from '../ConfirmDialog';
import { ManageButton } from '../ManageButton';
import {
  IdentityAdminRequired,
  RequireIdentityAdmin,
} from '../RequireIdentityAdmin';
import { ServerPagedTable } from '../ServerPagedTable';
import { UserAccessPanel } from './UserAccessPanel';

const formatDate = (value?: string) =>
  value ? new Date(value).toLocaleString() : '—';

const nameOf = (user: DirectoryUser) =>
  user.displayName ?? user.userName ?? user.entityRef ?? user.scimId ?? '';

function UsersList() {
  const api = useApi(scimDirectoryApiRef);
  const manage = usePermission({ permission: scimSettingsManagePermission });
  const canManage = manage.allowed;
  const [status, setStatus] = useState<DirectoryUserStatus>('active');
  const statusId = useId();
  const page = useServerPage(
    query => api.listUsers({ ...query, status }),
    [api, status],
  );
  const [viewing, setViewing] = useState<DirectoryUser>();
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkError, setBulkError] = useState<string>();
  const [bulkResult, setBulkResult] = useState<RemoveIdpManualRolesResponse>();

  if (isForbidden(page.result.error)) {
    return <IdentityAdminRequired action="see users and their access" />;
  }

  const removeIdpManualRoles = async () => {
    setBulkBusy(true);
    setBulkError(undefined);
    try {
      setBulkResult(await api.removeIdpManualRoles());
      setBulkOpen(false);
    } catch (e) {
      setBulkError(`Could not remove the manual roles: ${errorMessage(e)}`);
    } finally {
      setBulkBusy(false);
    }
  };

  const columns: TableColumn<DirectoryUser>[] = [
    {
      title: 'Name',
      render: user => (
        <>
          <div>{nameOf(user)}</div>
          {user.userName && user.userName !== nameOf(user) && (
            <Box color="text.secondary" fontSize="0.85em">
              {user.userName}
            </Box>
          )}
        </>
      ),
    },
    { title: 'Email', render: user => user.email ?? '—' },
    {
      title: 'Source',
      render: user => (
        <Chip
          size="small"
          variant="outlined"
          color={user.source === 'scim' ? 'primary' : 'default'}
          label={user.source === 'scim' ? 'SCIM' : 'Backstage'}
        />
      ),
    },
    {
      title: 'Status',
      render: user => (
        <Chip
          size="small"
          color={user.active ? 'primary' : 'default'}
          label={user.active ? 'Active' : 'Deactivated'}
        />
      ),
    },
    {
      title: 'Last provisioned',
      render: user => formatDate(user.lastProvisionedAt),
    },
    {
      title: 'Actions',
      render: user =>
        user.entityRef ? (
          <Button
            size="small"
            variant="outlined"
            aria-label={`View access of ${nameOf(user)}`}
            onClick={() => setViewing(user)}
          >
            View access
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      {bulkResult && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setBulkResult(undefined)}>
            Removed {bulkResult.removed} manual roles from {bulkResult.users}{' '}
            IdP-provisioned users.
          </Alert>
        </Box>
      )}
      <ServerPagedTable
        title="Users"
        page={page}
        columns={columns}
        searchLabel="Search users"
        emptyMessage={
          status === 'active'
            ? 'No users match. Users appear here once they are in the catalog, provisioned by SCIM or added any other way.'
            : 'No deactivated SCIM users match.'
        }
        toolbar={
          <>
            <TextField
              id={statusId}
              select
              label="Status"
              variant="outlined"
              size="small"
              value={status}
              onChange={e => setStatus(e.target.value as DirectoryUserStatus)}
            >
              <MenuItem value="active">Active</MenuItem>
              <MenuItem value="deactivated">Deactivated</MenuItem>
            </TextField>
            <Box flexGrow={1} />
            <ManageButton
              canManage={canManage}
              variant="outlined"
              color="secondary"
              onClick={() => setBulkOpen(true)}
            >
              Remove manual roles of IdP users
            </ManageButton>
          </>
        }
      />
      {viewing?.entityRef && (
        <UserAccessPanel
          userEntityRef={viewing.entityRef}
          name={nameOf(viewing)}
          canManage={canManage}
          onClose={() => setViewing(undefined)}
        />
      )}
      <ConfirmDialog
        open={bulkOpen}
        title="Remove manual roles of IdP users?"
        confirmLabel="Remove manual roles"
        busy={bulkBusy}
        error={bulkError}
        onCancel={() => {
          setBulkOpen(false);
          setBulkError(undefined);
        }}
        onConfirm={removeIdpManualRoles}
      >
        Every user provisioned by the identity provider loses the roles granted
        to them directly, and keeps only the roles of their groups. Users added
        to Backstage any other way keep their manual roles.
      </ConfirmDialog>
    </>
  );
}

/** Users: every catalog user and every deactivated SCIM user, paged on the server. */
export function UsersTab() {
  return (
    <RequireIdentityAdmin action="see users and their access">
      <UsersList />
    </RequireIdentityAdmin>
  );
}
