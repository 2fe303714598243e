import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ProvisioningLogEntry } from '@internal/backstage-plugin-scim-common';
import { Box, Button, Grid, Paper } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useMemo, useState } from 'react';
import { scimLogsApiRef } from '../../api/ScimLogsApi';
import { errorMessage } from '../../utils/errors';
import { LogDetailDrawer } from './LogDetailDrawer';
import { LogFilters } from './LogFilters';
import { DEFAULT_FILTERS, toLogQuery } from './logFilters';
import { LogSummaryCard } from './LogSummaryCard';
import { PagedLogTable } from './PagedLogTable';
import { provisioningLogColumns } from './provisioningLogColumns';
import { useCursorPages } from './useCursorPages';
import { useDebouncedValue } from './useDebouncedValue';

export const LOG_PAGE_SIZE = 50;
/** Long enough to type a name, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 400;

/** What Entra sent us and how we answered: the summary, filters, table and details. */
export function LocalLogsPanel() {
  const api = useApi(scimLogsApiRef);
  const [filters, setFilters] = useState(DEFAULT_FILTERS);
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const [refreshCount, setRefreshCount] = useState(0);
  const [viewing, setViewing] = useState<ProvisioningLogEntry>();
  const columns = useMemo(() => provisioningLogColumns(setViewing), []);

  const { range, operation, resourceType, status } = filters;
  const pages = useCursorPages(() => {
    const query = toLogQuery(
      { range, operation, resourceType, status, search },
      new Date(),
    );
    return cursor => api.listLogs({ ...query, limit: LOG_PAGE_SIZE, cursor });
  }, [api, range, operation, resourceType, status, search, refreshCount]);

  return (
    <>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <LogSummaryCard refreshKey={refreshCount} />
        </Grid>
        <Grid item xs={12}>
          <Paper>
            <Box p={2}>
              <Box display="flex" alignItems="flex-start">
                <Box flex={1}>
                  <LogFilters value={filters} onChange={setFilters} />
                </Box>
                <Button
                  startIcon={<RefreshIcon />}
                  onClick={() => setRefreshCount(n => n + 1)}
                >
                  Refresh
                </Button>
              </Box>
              <PagedLogTable
                title="SCIM requests"
                columns={columns}
                pages={pages}
                emptyMessage="No SCIM requests match these filters. Entra's requests appear here as they arrive; Test Connection in Entra sends one."
                renderError={error => (
                  <ResponseErrorPanel
                    error={error}
                    title={`Could not load the provisioning log: ${errorMessage(
                      error,
                    )}`}
                  />
                )}
              />
            </Box>
          </Paper>
        </Grid>
      </Grid>
      <LogDetailDrawer entry={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}
