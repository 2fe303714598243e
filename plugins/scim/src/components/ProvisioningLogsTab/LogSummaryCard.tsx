import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ProvisioningLogSummary } from '@internal/backstage-plugin-scim-common';
import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import { scimLogsApiRef } from '../../api/ScimLogsApi';
import { errorMessage } from '../../utils/errors';
import { formatTime } from './formatLog';
import { RequestsPerHourChart } from './RequestsPerHourChart';

export const SUMMARY_HOURS = 72;

function Facts(props: { summary: ProvisioningLogSummary }) {
  const { lastSuccessAt, lastErrorAt, errorStreak } = props.summary;
  return (
    <Box mt={2}>
      <Typography variant="body2">
        Last successful request:{' '}
        {lastSuccessAt ? formatTime(lastSuccessAt) : 'never'}
      </Typography>
      <Typography variant="body2">
        Last error: {lastErrorAt ? formatTime(lastErrorAt) : 'never'}
      </Typography>
      <Box mt={1}>
        {!lastSuccessAt && !lastErrorAt && (
          <Alert severity="info">
            No SCIM requests recorded yet. Use Test Connection in Entra to send
            one.
          </Alert>
        )}
        {errorStreak > 0 && (
          <Alert severity="error">
            {errorStreak === 1
              ? 'The last request failed.'
              : `The last ${errorStreak} requests failed.`}{' '}
            Open one below to see what Entra sent and what we answered.
          </Alert>
        )}
        {errorStreak === 0 && lastSuccessAt && (
          <Alert severity="success">The last request succeeded.</Alert>
        )}
      </Box>
    </Box>
  );
}

/** Requests and errors per hour, the last success and the current error streak. */
export function LogSummaryCard(props: { refreshKey: number }) {
  const api = useApi(scimLogsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getSummary({ hours: SUMMARY_HOURS }),
    [api, props.refreshKey],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error || !value) {
    const shown = error ?? new Error('The backend sent no summary');
    content = (
      <ResponseErrorPanel
        error={shown}
        title={`Could not load the summary: ${errorMessage(shown)}`}
      />
    );
  } else {
    content = (
      <>
        <RequestsPerHourChart buckets={value.buckets} />
        <Facts summary={value} />
      </>
    );
  }
  return (
    <InfoCard title={`Requests per hour, last ${SUMMARY_HOURS} hours`}>
      {content}
    </InfoCard>
  );
}
