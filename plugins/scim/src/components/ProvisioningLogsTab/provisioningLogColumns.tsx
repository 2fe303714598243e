import { SubvalueCell, TableColumn } from '@backstage/core-components';
import { ProvisioningLogEntry } from '@internal/backstage-plugin-scim-common';
import { Button, Typography } from '@material-ui/core';
import { formatDuration, formatTime } from './formatLog';
import { httpStatusKind, StatusLabel } from './StatusLabel';

/** The columns of the SCIM request table; `onView` opens an entry's details. */
export function provisioningLogColumns(
  onView: (entry: ProvisioningLogEntry) => void,
): TableColumn<ProvisioningLogEntry>[] {
  return [
    { title: 'Time', render: e => formatTime(e.time) },
    { title: 'Operation', field: 'operation' },
    { title: 'Resource type', field: 'resourceType' },
    {
      title: 'Resource',
      render: e => (
        <SubvalueCell
          value={e.resourceName ?? e.resourceId ?? '—'}
          subvalue={e.resourceName ? e.resourceId : undefined}
        />
      ),
    },
    {
      title: 'Status',
      render: e => (
        <StatusLabel kind={httpStatusKind(e.status)} label={String(e.status)} />
      ),
    },
    {
      title: 'Detail',
      render: e =>
        e.scimType || e.detail ? (
          <Typography variant="body2">
            {e.scimType && <code>{e.scimType}</code>}
            {e.scimType && e.detail && ': '}
            {e.detail}
          </Typography>
        ) : (
          '—'
        ),
    },
    { title: 'Duration', render: e => formatDuration(e.durationMs) },
    {
      title: 'Token',
      render: e => (e.tokenPrefix ? <code>{e.tokenPrefix}…</code> : '—'),
    },
    {
      title: 'Details',
      render: e => (
        <Button size="small" variant="outlined" onClick={() => onView(e)}>
          View details
        </Button>
      ),
    },
  ];
}
