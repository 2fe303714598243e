import { CopyTextButton, InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ScimSettings } from '@internal/backstage-plugin-scim-common';
import {
  Box,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { ConfirmDialog } from '../ConfirmDialog';

export interface ScimSettingsCardProps {
  settings: ScimSettings;
  canManage: boolean;
  onChange: (settings: ScimSettings) => void;
}

/** "Enable users and group sync", the SCIM base URL to copy, and what to do in Entra. */
export function ScimSettingsCard(props: ScimSettingsCardProps) {
  const { settings, canManage, onChange } = props;
  const api = useApi(scimAdminApiRef);
  const alertApi = useApi(alertApiRef);
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async (enabled: boolean) => {
    setSaving(true);
    try {
      onChange(await api.updateSettings({ enabled }));
      alertApi.post({
        message: enabled
          ? 'SCIM provisioning enabled'
          : 'SCIM provisioning disabled',
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Could not change SCIM provisioning: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setSaving(false);
      setConfirmingDisable(false);
    }
  };

  return (
    <InfoCard title="Automated user provisioning with SCIM">
      <Typography variant="subtitle1" component="h3">
        Enable users and group sync
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={settings.enabled}
            disabled={!canManage || saving}
            onChange={(_, enabled) =>
              enabled ? save(true) : setConfirmingDisable(true)
            }
            color="primary"
            inputProps={{ 'aria-label': 'Enable SCIM provisioning' }}
          />
        }
        label={
          settings.enabled
            ? 'SCIM provisioning is on'
            : 'SCIM provisioning is off'
        }
      />
      <Box mt={2} display="flex" alignItems="center">
        <TextField
          id="scim-base-url"
          label="SCIM base URL"
          value={settings.baseUrl}
          fullWidth
          variant="outlined"
          size="small"
          InputProps={{ readOnly: true }}
          helperText="Paste it as the Tenant URL of the Entra provisioning configuration"
        />
        <CopyTextButton
          text={settings.baseUrl}
          aria-label="Copy SCIM base URL"
          tooltipText="SCIM base URL copied"
        />
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle1" component="h3">
          Connect Microsoft Entra ID
        </Typography>
        <Typography variant="body2" component="ol">
          <li>
            In the Entra admin center, create a non-gallery enterprise app
            (Enterprise apps → New application → Create your own application).
          </li>
          <li>
            Open Provisioning → New configuration, choose Bearer authentication.
          </li>
          <li>
            Tenant URL: <code>{settings.baseUrl}</code>
          </li>
          <li>Secret token: a token generated below.</li>
          <li>
            Select Test connection, then Create; assign groups under Users and
            groups, and select Start provisioning.
          </li>
        </Typography>
      </Box>
      <ConfirmDialog
        open={confirmingDisable}
        title="Disable SCIM provisioning?"
        confirmLabel="Disable"
        busy={saving}
        onCancel={() => setConfirmingDisable(false)}
        onConfirm={() => save(false)}
      >
        Entra's provisioning requests will be refused until you enable it again,
        and Entra may quarantine its provisioning job. Tokens are kept.
      </ConfirmDialog>
    </InfoCard>
  );
}
