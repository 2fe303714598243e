import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { AccessGrant } from '@internal/backstage-plugin-scim-common';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemSecondaryAction,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useId, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scimDirectoryApiRef } from '../../api/ScimDirectoryApi';
import { errorMessage } from '../../utils/errors';
import { grantLabel, shortEntityRef } from '../../utils/grantLabel';
import { ConfirmDialog } from '../ConfirmDialog';
import { ManageButton } from '../ManageButton';

export interface UserAccessPanelProps {
  userEntityRef: string;
  /** How the user is called in the title. */
  name: string;
  canManage: boolean;
  onClose: () => void;
}

/** A user's effective roles and where each comes from, and their manual roles. */
export function UserAccessPanel(props: UserAccessPanelProps) {
  const { userEntityRef, name, canManage, onClose } = props;
  const api = useApi(scimDirectoryApiRef);
  const titleId = useId();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [access, services] = await Promise.all([
      api.getUserAccess(userEntityRef),
      api.listServices(),
    ]);
    return { access, services };
  }, [api, userEntityRef]);
  const [removing, setRemoving] = useState<AccessGrant>();
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string>();

  const label = (grant: AccessGrant) =>
    grantLabel(grant, value?.services ?? []);

  const closeRemove = () => {
    setRemoving(undefined);
    setRemoveError(undefined);
  };
  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(undefined);
    try {
      await api.removeUserRole(userEntityRef, removing);
      closeRemove();
      retry();
    } catch (e) {
      setRemoveError(`Could not remove the role: ${errorMessage(e)}`);
    } finally {
      setRemoveBusy(false);
    }
  };

  let content;
  if (loading && !value) {
    content = <Progress />;
  } else if (error || !value) {
    content = (
      <ResponseErrorPanel
        error={error ?? new Error('No answer')}
        title={`Could not load the access of ${name}: ${errorMessage(error)}`}
      />
    );
  } else {
    const { access } = value;
    content = (
      <>
        {!access.active && (
          <Alert severity="info">
            This user is deactivated in the identity provider or unknown to the
            catalog, so none of their roles take effect.
          </Alert>
        )}
        <Typography variant="h6" component="h3">
          Effective roles
        </Typography>
        {access.effective.length === 0 ? (
          <Typography color="textSecondary">No effective roles.</Typography>
        ) : (
          <List dense aria-label="Effective roles">
            {access.effective.map(role => (
              <ListItem key={`${role.service}/${role.role}`} divider>
                <ListItemText
                  primary={label(role)}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                      From:
                      {role.sources.map(source =>
                        source === 'manual' ? (
                          <Chip key={source} size="small" label="Manual" />
                        ) : (
                          <Chip
                            key={source}
                            size="small"
                            variant="outlined"
                            label={
                              <EntityRefLink
                                entityRef={source}
                                title={`Group ${shortEntityRef(source)}`}
                              />
                            }
                          />
                        ),
                      )}
                    </Box>
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        <Box mt={2}>
          <Typography variant="h6" component="h3">
            Manual roles
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Granted to this user directly rather than through a group. They stay
            when the identity provider provisions the user.
          </Typography>
          {access.manual.length === 0 ? (
            <Typography color="textSecondary">No manual roles.</Typography>
          ) : (
            <List dense aria-label="Manual roles">
              {access.manual.map(grant => (
                <ListItem key={`${grant.service}/${grant.role}`} divider>
                  <ListItemText primary={label(grant)} />
                  <ListItemSecondaryAction>
                    <ManageButton
                      canManage={canManage}
                      size="small"
                      color="secondary"
                      variant="outlined"
                      aria-label={`Remove manual role ${label(grant)}`}
                      onClick={() => setRemoving(grant)}
                    >
                      Remove
                    </ManageButton>
                  </ListItemSecondaryAction>
                </ListItem>
              ))}
            </List>
          )}
        </Box>
        {access.unknown.length > 0 && (
          <Box mt={2}>
            <Alert severity="warning">
              Grants of services or roles the configuration no longer defines
              (never effective):{' '}
              {access.unknown.map(u => `${u.service}: ${u.role}`).join(', ')}
            </Alert>
          </Box>
        )}
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>Access of {name}</DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
      <ConfirmDialog
        open={removing !== undefined}
        title="Remove manual role?"
        confirmLabel="Remove"
        busy={removeBusy}
        error={removeError}
        onCancel={closeRemove}
        onConfirm={remove}
      >
        {name} loses the manual role{' '}
        <strong>{removing && label(removing)}</strong>. Roles from their groups
        stay.
      </ConfirmDialog>
    </Dialog>
  );
}
