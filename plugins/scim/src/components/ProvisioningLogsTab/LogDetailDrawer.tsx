import {
  CodeSnippet,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ProvisioningLogEntry } from '@internal/backstage-plugin-scim-common';
import {
  Box,
  Drawer,
  IconButton,
  makeStyles,
  Typography,
} from '@material-ui/core';
import CloseIcon from '@material-ui/icons/Close';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scimLogsApiRef } from '../../api/ScimLogsApi';
import { errorMessage } from '../../utils/errors';
import { FactList } from './FactList';
import { formatDuration, formatTime } from './formatLog';
import { httpStatusKind, StatusLabel } from './StatusLabel';

const useStyles = makeStyles(theme => ({
  paper: { width: 'min(720px, 100vw)', padding: theme.spacing(3) },
}));

export interface LogDetailDrawerProps {
  /** The entry whose details to show; the drawer is closed without one. */
  entry?: ProvisioningLogEntry;
  onClose(): void;
}

/** Bodies are shown pretty-printed when they are whole JSON; truncated ones as they are. */
function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Body(props: { title: string; body?: string }) {
  return (
    <Box mt={3}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      {props.body ? (
        <CodeSnippet
          text={prettyJson(props.body)}
          language="json"
          wrapLongLines
          showCopyCodeButton
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not recorded: the request had no body, or keeping bodies is off
          (scim.logs.keepBodies).
        </Typography>
      )}
    </Box>
  );
}

function BodiesOf(props: { id: string }) {
  const api = useApi(scimLogsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getLog(props.id),
    [api, props.id],
  );
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    const shown = error ?? new Error('The backend sent no entry');
    return (
      <ResponseErrorPanel
        error={shown}
        title={`Could not load the request and response: ${errorMessage(
          shown,
        )}`}
      />
    );
  }
  return (
    <>
      <Body title="Request body" body={value.requestBody} />
      <Body title="Response body" body={value.responseBody} />
    </>
  );
}

/** One SCIM request: every recorded fact and its redacted request and response. */
export function LogDetailDrawer(props: LogDetailDrawerProps) {
  const { entry, onClose } = props;
  const classes = useStyles();
  const titleId = 'provisioning-log-detail-title';

  const facts: Array<[string, ReactNode]> = entry
    ? [
        ['Time', formatTime(entry.time)],
        ['Request id', entry.requestId],
        ['Operation', entry.operation],
        ['Resource type', entry.resourceType],
        ['Resource id', entry.resourceId ?? '—'],
        ['Name', entry.resourceName ?? '—'],
        ['externalId', entry.externalId ?? '—'],
        [
          'Status',
          <StatusLabel
            kind={httpStatusKind(entry.status)}
            label={String(entry.status)}
          />,
        ],
        ['scimType', entry.scimType ?? '—'],
        ['Detail', entry.detail ?? '—'],
        ['Duration', formatDuration(entry.durationMs)],
        ['Token', entry.tokenPrefix ? `${entry.tokenPrefix}…` : '—'],
      ]
    : [];

  return (
    <Drawer
      anchor="right"
      open={Boolean(entry)}
      onClose={onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{ role: 'dialog', 'aria-labelledby': titleId } as object}
    >
      {entry && (
        <>
          <Box display="flex" alignItems="flex-start">
            <Box flex={1}>
              <Typography variant="h5" component="h2" id={titleId}>
                {entry.method} {entry.path}
              </Typography>
            </Box>
            <IconButton aria-label="Close" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </Box>
          <FactList facts={facts} />
          <Typography variant="body2" color="textSecondary">
            Secrets are redacted and long bodies cut before they are stored.
          </Typography>
          <BodiesOf id={entry.id} />
        </>
      )}
    </Drawer>
  );
}
