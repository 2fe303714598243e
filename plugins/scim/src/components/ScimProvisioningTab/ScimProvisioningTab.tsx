import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ScimSettings,
  scimSettingsManagePermission,
} from '@internal/backstage-plugin-scim-common';
import { Grid } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { errorMessage, isForbidden } from '../../utils/errors';
import { ScimSettingsCard } from '../ScimSettingsCard';
import { TokensCard } from '../TokensCard';

export const MANAGE_PERMISSION_MESSAGE =
  'You need the identity admin permission (scim.settings.manage) to manage SCIM provisioning';

/**
 * "Automated user provisioning with SCIM" (User lifecycle): step 1 of the
 * Entra guide. Reading needs `scim.settings.read` (the backend answers 403
 * without it); the controls need `scim.settings.manage`.
 */
export function ScimProvisioningTab() {
  const api = useApi(scimAdminApiRef);
  const manage = usePermission({ permission: scimSettingsManagePermission });
  const loaded = useAsync(() => api.getSettings(), [api]);
  const [updated, setUpdated] = useState<ScimSettings>();
  const settings = updated ?? loaded.value;

  if (loaded.loading || manage.loading) {
    return <Progress />;
  }
  if (isForbidden(loaded.error)) {
    return (
      <EmptyState
        missing="info"
        title={MANAGE_PERMISSION_MESSAGE}
        description="Ask a portal administrator for it. Seeing the settings and tokens without changing them needs scim.settings.read."
      />
    );
  }
  if (loaded.error || !settings) {
    const error = loaded.error ?? new Error('The backend sent no settings');
    return (
      <ResponseErrorPanel
        error={error}
        title={`Could not load the SCIM settings: ${errorMessage(error)}`}
      />
    );
  }

  const canManage = manage.allowed;
  return (
    <Grid container spacing={3}>
      {!canManage && (
        <Grid item xs={12}>
          <Alert severity="info">
            {MANAGE_PERMISSION_MESSAGE}. You can see the settings and tokens,
            but not change them.
          </Alert>
        </Grid>
      )}
      <Grid item xs={12} lg={5}>
        <ScimSettingsCard
          settings={settings}
          canManage={canManage}
          onChange={setUpdated}
        />
      </Grid>
      <Grid item xs={12} lg={7}>
        <TokensCard
          canManage={canManage}
          maxValidityDays={settings.maxTokenValidityDays}
        />
      </Grid>
    </Grid>
  );
}
