import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ScimSettings } from '@internal/backstage-plugin-scim-common';
import {
  Box,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { errorMessage } from '../../utils/errors';
import { ConfirmDialog } from '../ConfirmDialog';
import { CopyButton } from '../CopyButton';

export interface ScimSettingsCardProps {
  settings: ScimSettings;
  /** May enable or disable provisioning (`scim.settings.manage`). */
  canManage: boolean;
  onChange: (settings: ScimSettings) => void;
}

/** "Enable users and group sync", the SCIM base URL to copy, and what to do in Entra. */
export function ScimSettingsCard(props: ScimSettingsCardProps) {
  const { settings, canManage, onChange } = props;
  const api = useApi(scimAdminApiRef);
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  const save = async (enabled: boolean) => {
    setSaving(true);
    setSaveError(undefined);
    try {
      onChange(await api.updateSettings({ enabled }));
      setConfirmingDisable(false);
    } catch (error) {
      setSaveError(
        `Could not ${
          enabled ? 'enable' : 'disable'
        } SCIM provisioning: ${errorMessage(error)}`,
      );
    } finally {
      setSaving(false);
    }
  };

  const status = settings.enabled
    ? 'SCIM provisioning is on: Entra can create, update and deactivate users and groups.'
    : 'SCIM provisioning is off: provisioning requests from Entra are refused.';

  return (
    <InfoCard title="Enable users and group sync">
      {canManage ? (
        <FormControlLabel
          control={
            <Switch
              checked={settings.enabled}
              disabled={saving}
              onChange={(_, enabled) => {
                setSaveError(undefined);
                if (enabled) {
                  save(true);
                } else {
                  setConfirmingDisable(true);
                }
              }}
              color="primary"
            />
          }
          label="Enable SCIM provisioning"
        />
      ) : null}
      <Typography variant="body2" color="textSecondary">
        {status}
      </Typography>
      {saveError && !confirmingDisable && (
        <Box mt={1}>
          <Alert severity="error">{saveError}</Alert>
        </Box>
      )}

      <Box mt={3} display="flex" alignItems="flex-start" style={{ gap: 8 }}>
        <TextField
          id="scim-base-url"
          label="SCIM base URL"
          value={settings.baseUrl}
          fullWidth
          variant="outlined"
          size="small"
          InputProps={{ readOnly: true }}
          helperText="Paste it as the Tenant URL in Entra"
        />
        <CopyButton text={settings.baseUrl} what="SCIM base URL" />
      </Box>

      <Box mt={3}>
        <Typography variant="h6" component="h3">
          Connect Microsoft Entra ID
        </Typography>
        {!settings.enabled && (
          <Box my={1}>
            <Alert severity="info">
              Enable users and group sync first: until then Entra's Test
              connection fails.
            </Alert>
          </Box>
        )}
        <Typography variant="body2" component="ol">
          <li>
            In the Microsoft Entra admin center, go to Microsoft Entra ID &gt;
            Enterprise apps &gt; New application &gt; Create your own
            application, and create a non-gallery app for SCIM, such as
            “Example, Inc (SCIM)”. It must be separate from your SSO app.
          </li>
          <li>
            In that app, select Provisioning &gt; New configuration, and choose
            Bearer authentication.
          </li>
          <li>
            <strong>Tenant URL</strong>: <code>{settings.baseUrl}</code>
          </li>
          <li>
            <strong>Secret token</strong>: a token from Generate token under
            Tokens. It is shown only once.
          </li>
          <li>
            Select Test connection. Expect “Connection test for ‘app name’ was
            successful”, then select Create.
          </li>
          <li>
            Under Users and groups, select Add user/group, choose the groups to
            provision and select Assign.
          </li>
          <li>
            On Overview, select Start provisioning. Changes can take up to 40
            minutes to appear here.
          </li>
        </Typography>
      </Box>

      <ConfirmDialog
        open={confirmingDisable}
        title="Disable SCIM provisioning?"
        confirmLabel="Disable"
        busy={saving}
        error={saveError}
        onCancel={() => {
          setConfirmingDisable(false);
          setSaveError(undefined);
        }}
        onConfirm={() => save(false)}
      >
        Entra's provisioning requests will be refused until you enable it again,
        so users and groups stop being created, updated and deactivated, and
        Entra may quarantine its provisioning job. Existing users, groups and
        tokens are kept.
      </ConfirmDialog>
    </InfoCard>
  );
}
