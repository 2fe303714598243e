import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntraProvisioningLogEntry } from '@internal/backstage-plugin-scim-common';
import { Box, Button, Grid, Paper } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scimLogsApiRef } from '../../api/ScimLogsApi';
import { entraLogColumns } from './entraLogColumns';
import { EntraErrorPanel } from './EntraErrorPanel';
import { EntraJobCard } from './EntraJobCard';
import { EntraSetupState } from './EntraSetupState';
import { PagedLogTable } from './PagedLogTable';
import { useCursorPages } from './useCursorPages';

export const ENTRA_PAGE_SIZE = 50;

function EntraLogTable(props: { refreshCount: number }) {
  const api = useApi(scimLogsApiRef);
  const pages = useCursorPages<EntraProvisioningLogEntry>(
    () => async cursor => {
      const page = await api.listEntraLogs({ cursor, limit: ENTRA_PAGE_SIZE });
      // Only if the configuration went away since the job was read.
      return page.configured ? page : { items: [] };
    },
    [api, props.refreshCount],
  );
  return (
    <PagedLogTable
      title="Entra provisioning events"
      columns={entraLogColumns}
      pages={pages}
      emptyMessage="Entra has recorded no provisioning events for this app yet. Its cycles run about every 40 minutes; Provision on demand in Entra runs one at once."
      renderError={error => (
        <EntraErrorPanel error={error} what="Entra provisioning logs" />
      )}
    />
  );
}

/**
 * Entra's own side, read from Microsoft Graph: the synchronization job and
 * the provisioning events. How to connect Graph while it is not configured.
 */
export function EntraLogsPanel() {
  const api = useApi(scimLogsApiRef);
  const [refreshCount, setRefreshCount] = useState(0);
  const job = useAsync(() => api.getEntraJob(), [api, refreshCount]);

  // A refresh keeps showing the job while it reloads.
  if (job.loading && !job.value) {
    return <Progress />;
  }
  if (job.value && !job.value.configured) {
    return <EntraSetupState />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end">
          <Button
            startIcon={<RefreshIcon />}
            onClick={() => setRefreshCount(n => n + 1)}
          >
            Refresh
          </Button>
        </Box>
        {job.value?.configured ? (
          <EntraJobCard job={job.value} />
        ) : (
          <EntraErrorPanel error={job.error} what="synchronization job" />
        )}
      </Grid>
      <Grid item xs={12}>
        <Paper>
          <Box p={2}>
            <EntraLogTable refreshCount={refreshCount} />
          </Box>
        </Paper>
      </Grid>
    </Grid>
  );
}
