import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  AccessGrant,
  DirectoryGroup,
  GroupAccess,
} from '@internal/backstage-plugin-scim-common';
import {
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormHelperText,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useEffect, useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scimDirectoryApiRef } from '../../api/ScimDirectoryApi';
import { errorMessage } from '../../utils/errors';

export interface GroupAccessDialogProps {
  group: DirectoryGroup;
  /** Called with the saved access, or nothing when cancelled. */
  onClose: (saved?: GroupAccess) => void;
}

/** Checked services, each with its checked roles. */
type Selection = Map<string, Set<string>>;

function selectionOf(grants: AccessGrant[]): Selection {
  const selection: Selection = new Map();
  for (const { service, role } of grants) {
    selection.set(service, (selection.get(service) ?? new Set()).add(role));
  }
  return selection;
}

/**
 * "Update group access": a checkbox per service and, under each checked
 * service, a checkbox per role. Saving names every service shown, so
 * unchecking a service removes its grants.
 */
export function GroupAccessDialog(props: GroupAccessDialogProps) {
  const { group, onClose } = props;
  const api = useApi(scimDirectoryApiRef);
  const titleId = useId();
  const loaded = useAsync(async () => {
    const [services, access] = await Promise.all([
      api.listServices(),
      api.getGroupAccess(group.entityRef),
    ]);
    return { services, access };
  }, [api, group.entityRef]);
  const [selection, setSelection] = useState<Selection>(new Map());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  useEffect(() => {
    if (loaded.value) {
      setSelection(selectionOf(loaded.value.access.grants));
    }
  }, [loaded.value]);

  const toggleService = (service: string, checked: boolean) => {
    const next = new Map(selection);
    if (checked) next.set(service, new Set());
    else next.delete(service);
    setSelection(next);
  };
  const toggleRole = (service: string, role: string, checked: boolean) => {
    const roles = new Set(selection.get(service));
    if (checked) roles.add(role);
    else roles.delete(role);
    setSelection(new Map(selection).set(service, roles));
  };

  const incomplete = [...selection.values()].some(roles => roles.size === 0);

  const save = async () => {
    if (!loaded.value) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const grants = [...selection].flatMap(([service, roles]) =>
        [...roles].map(role => ({ service, role })),
      );
      onClose(
        await api.updateGroupAccess(group.entityRef, {
          grants,
          services: loaded.value.services.map(s => s.id),
        }),
      );
    } catch (e) {
      setSaveError(`Could not save the access: ${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  let content;
  if (loaded.loading) {
    content = <Progress />;
  } else if (loaded.error || !loaded.value) {
    content = (
      <ResponseErrorPanel
        error={loaded.error ?? new Error('No answer')}
        title={`Could not load the access of ${
          group.displayName
        }: ${errorMessage(loaded.error)}`}
      />
    );
  } else if (loaded.value.services.length === 0) {
    content = (
      <Alert severity="info">
        No services are configured (scim.access.services), so there is no access
        to assign.
      </Alert>
    );
  } else {
    content = (
      <>
        <DialogContentText>
          Members of {group.displayName} get the roles checked here, in addition
          to their other roles.
        </DialogContentText>
        {loaded.value.services.map(service => {
          const roles = selection.get(service.id);
          return (
            <Box key={service.id} mb={1}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={roles !== undefined}
                    onChange={e => toggleService(service.id, e.target.checked)}
                  />
                }
                label={service.title}
              />
              {roles && (
                <Box pl={4}>
                  <FormGroup aria-label={`Roles for ${service.title}`}>
                    {service.roles.map(role => (
                      <FormControlLabel
                        key={role.id}
                        control={
                          <Checkbox
                            size="small"
                            checked={roles.has(role.id)}
                            onChange={e =>
                              toggleRole(service.id, role.id, e.target.checked)
                            }
                            inputProps={{
                              'aria-label': `${service.title}: ${role.title}`,
                            }}
                          />
                        }
                        label={
                          role.description
                            ? `${role.title} — ${role.description}`
                            : role.title
                        }
                      />
                    ))}
                  </FormGroup>
                  {roles.size === 0 && (
                    <FormHelperText error>
                      Choose at least one role, or uncheck {service.title}.
                    </FormHelperText>
                  )}
                </Box>
              )}
            </Box>
          );
        })}
        {loaded.value.access.unknown.length > 0 && (
          <Alert severity="warning">
            Grants of services or roles the configuration no longer defines
            (never effective):{' '}
            {loaded.value.access.unknown
              .map(u => `${u.service}: ${u.role}`)
              .join(', ')}
          </Alert>
        )}
        {saveError && <Alert severity="error">{saveError}</Alert>}
      </>
    );
  }

  return (
    <Dialog
      open
      onClose={saving ? undefined : () => onClose()}
      aria-labelledby={titleId}
      fullWidth
    >
      <DialogTitle id={titleId}>
        Update group access: {group.displayName}
      </DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()} disabled={saving}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={!loaded.value || incomplete || saving}
          startIcon={
            saving ? (
              <CircularProgress size={16} aria-label="Saving" />
            ) : undefined
          }
        >
          Assign access
        </Button>
      </DialogActions>
    </Dialog>
  );
}
