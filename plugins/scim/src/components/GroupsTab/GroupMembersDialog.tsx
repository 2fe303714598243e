import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DirectoryGroup,
  DirectoryGroupMember,
} from '@internal/backstage-plugin-scim-common';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useId } from 'react';
import { scimDirectoryApiRef } from '../../api/ScimDirectoryApi';
import { useServerPage } from '../../hooks/useServerPage';
import { shortEntityRef } from '../../utils/grantLabel';
import { ServerPagedTable } from '../ServerPagedTable';

const columns: TableColumn<DirectoryGroupMember>[] = [
  {
    title: 'Member',
    render: member => (
      <EntityRefLink
        entityRef={member.entityRef}
        title={member.displayName ?? shortEntityRef(member.entityRef)}
      />
    ),
  },
  { title: 'Entity', render: member => <code>{member.entityRef}</code> },
];

/** The members of a group, paged on the server; read-only. */
export function GroupMembersDialog(props: {
  group: DirectoryGroup;
  onClose: () => void;
}) {
  const { group, onClose } = props;
  const api = useApi(scimDirectoryApiRef);
  const titleId = useId();
  const page = useServerPage(
    ({ offset, limit }) =>
      api.listGroupMembers(group.entityRef, { offset, limit }),
    [api, group.entityRef],
  );
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id={titleId}>Members of {group.displayName}</DialogTitle>
      <DialogContent>
        <Alert severity="info">
          {group.managedBy === 'identity-provider'
            ? 'Membership is managed in Microsoft Entra ID and provisioned over SCIM: change it there.'
            : 'Membership comes from the catalog entities that define this group.'}
        </Alert>
        <ServerPagedTable
          title="Members"
          page={page}
          columns={columns}
          emptyMessage="This group has no members in the catalog."
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
