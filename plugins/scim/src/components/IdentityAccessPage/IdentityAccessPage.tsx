import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  EmptyState,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ScimSettings,
  scimSettingsManagePermission,
} from '@internal/backstage-plugin-scim-common';
import { Grid } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { ScimSettingsCard } from '../ScimSettingsCard';
import { TokensCard } from '../TokensCard';

const isForbidden = (error: unknown) =>
  error instanceof ResponseError && error.statusCode === 403;

/** Identity and access: the SCIM provisioning setup of the Entra guide, step 1. */
export function IdentityAccessPage() {
  const api = useApi(scimAdminApiRef);
  const { allowed: canManage, loading: checkingPermission } = usePermission({
    permission: scimSettingsManagePermission,
  });
  const loaded = useAsync(() => api.getSettings(), [api]);
  const [settings, setSettings] = useState<ScimSettings>();
  useEffect(() => setSettings(loaded.value), [loaded.value]);

  let content;
  if (loaded.loading) {
    content = <Progress />;
  } else if (isForbidden(loaded.error)) {
    content = (
      <EmptyState
        missing="info"
        title="You need the identity admin permission"
        description="Ask a portal administrator for the scim.settings.read permission to see SCIM provisioning, and scim.settings.manage to change it."
      />
    );
  } else if (loaded.error || !settings) {
    content = (
      <ResponseErrorPanel error={loaded.error ?? new Error('No settings')} />
    );
  } else {
    content = (
      <Grid container spacing={3}>
        {!canManage && !checkingPermission && (
          <Grid item xs={12}>
            <Alert severity="info">
              You need the identity admin permission (scim.settings.manage) to
              enable provisioning or to generate and revoke tokens.
            </Alert>
          </Grid>
        )}
        <Grid item xs={12} lg={5}>
          <ScimSettingsCard
            settings={settings}
            canManage={canManage}
            onChange={setSettings}
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

  return (
    <Page themeId="tool">
      <Header
        title="Identity and access"
        subtitle="User lifecycle: provision users and groups from Microsoft Entra ID"
      />
      <Content>{content}</Content>
    </Page>
  );
}
