import { SubvalueCell, TableColumn } from '@backstage/core-components';
import { EntraProvisioningLogEntry } from '@internal/backstage-plugin-scim-common';
import { Typography } from '@material-ui/core';
import { formatDuration, formatTime } from './formatLog';
import { StatusKind, StatusLabel } from './StatusLabel';

const STATUS_KINDS: Record<string, StatusKind> = {
  success: 'success',
  failure: 'error',
  warning: 'warning',
  skipped: 'neutral',
};

export const entraStatusKind = (status: string): StatusKind =>
  STATUS_KINDS[status.toLowerCase()] ?? 'neutral';

const objectCell = (name?: string, id?: string) => (
  <SubvalueCell value={name ?? id ?? '—'} subvalue={name ? id : undefined} />
);

/** Entra's provisioning events, in the same layout as the SCIM request table. */
export const entraLogColumns: TableColumn<EntraProvisioningLogEntry>[] = [
  { title: 'Time', render: e => formatTime(e.time) },
  { title: 'Operation', field: 'operation' },
  { title: 'Resource type', render: e => e.resourceType ?? '—' },
  { title: 'Entra object', render: e => objectCell(e.sourceName, e.sourceId) },
  {
    title: 'Backstage object',
    render: e => objectCell(e.targetName, e.targetId),
  },
  {
    title: 'Status',
    render: e => (
      <StatusLabel kind={entraStatusKind(e.status)} label={e.status} />
    ),
  },
  {
    title: 'Error',
    render: e =>
      e.errorCode || e.errorReason ? (
        <Typography variant="body2">
          {e.errorCode && <code>{e.errorCode}</code>}
          {e.errorCode && e.errorReason && ': '}
          {e.errorReason}
        </Typography>
      ) : (
        '—'
      ),
  },
  { title: 'Duration', render: e => formatDuration(e.durationMs) },
];
