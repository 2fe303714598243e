import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';

const CONFIG_EXAMPLE = `scim:
  entra:
    tenantId: <Directory (tenant) ID>
    clientId: <Application (client) ID of the reader app>
    clientSecret: \${SCIM_ENTRA_CLIENT_SECRET}
    servicePrincipalId: <Object ID of the SCIM enterprise application>`;

/** Shown on the Entra tab while `scim.entra` is not configured: how to connect Graph. */
export function EntraSetupState() {
  return (
    <EmptyState
      missing="field"
      title="Connect Microsoft Graph to see Entra's provisioning logs"
      description={
        <Box component="span" display="block">
          <Typography component="span" display="block" paragraph>
            Entra records its own side of every provisioning cycle. To show it
            here, register an app in Entra ID, grant it the Microsoft Graph{' '}
            <strong>application</strong> permissions{' '}
            <code>AuditLog.Read.All</code> and{' '}
            <code>Synchronization.Read.All</code> with admin consent, and add
            its credentials and the SCIM enterprise app's service principal id
            to the backend configuration:
          </Typography>
          <CodeSnippet text={CONFIG_EXAMPLE} language="yaml" />
          <Typography component="span" display="block">
            Then restart the backend. Step by step, with the permissions'
            consent: <code>docs/provisioning-logs.md</code> in the portal's
            repository.
          </Typography>
        </Box>
      }
    />
  );
}
