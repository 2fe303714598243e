import { Box, Tab, Tabs } from '@material-ui/core';
import { useState } from 'react';
import { RequireIdentityAdmin } from '../RequireIdentityAdmin';
import { EntraLogsPanel } from './EntraLogsPanel';
import { LocalLogsPanel } from './LocalLogsPanel';

const SOURCES = [
  { id: 'scim', label: 'SCIM requests', Panel: LocalLogsPanel },
  { id: 'entra', label: 'Entra', Panel: EntraLogsPanel },
] as const;

/**
 * "Review Entra logs" from both sides: the SCIM requests Entra sent us with
 * our answers, and Entra's own provisioning logs from Microsoft Graph.
 * Everything here needs `scim.settings.read`.
 */
export function ProvisioningLogsTab() {
  return (
    <RequireIdentityAdmin action="see the provisioning logs">
      <LogSources />
    </RequireIdentityAdmin>
  );
}

function LogSources() {
  const [source, setSource] = useState(0);
  const { Panel } = SOURCES[source];
  return (
    <>
      <Tabs
        value={source}
        onChange={(_event, value: number) => setSource(value)}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Log source"
      >
        {SOURCES.map(s => (
          <Tab
            key={s.id}
            id={`provisioning-logs-tab-${s.id}`}
            aria-controls={`provisioning-logs-panel-${s.id}`}
            label={s.label}
          />
        ))}
      </Tabs>
      <Box
        role="tabpanel"
        id={`provisioning-logs-panel-${SOURCES[source].id}`}
        aria-labelledby={`provisioning-logs-tab-${SOURCES[source].id}`}
        pt={3}
      >
        <Panel />
      </Box>
    </>
  );
}
