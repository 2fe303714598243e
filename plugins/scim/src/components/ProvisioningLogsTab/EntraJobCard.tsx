import { InfoCard } from '@backstage/core-components';
import { EntraJobStatus } from '@internal/backstage-plugin-scim-common';
import { Box, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { ReactNode } from 'react';
import { FactList } from './FactList';
import { formatTime } from './formatLog';
import { StatusKind, StatusLabel } from './StatusLabel';

const stateKind = (state: string): StatusKind => {
  const lower = state.toLowerCase();
  if (lower === 'active') return 'success';
  if (lower.startsWith('quarantine')) return 'error';
  if (lower === 'paused' || lower === 'notconfigured') return 'neutral';
  return 'warning';
};

/** Entra's synchronization job of the SCIM app: state, last run and quarantine. */
export function EntraJobCard(props: { job: EntraJobStatus }) {
  const { job } = props;
  const { lastRun, quarantine } = job;

  const facts: Array<[string, ReactNode]> = [
    ['State', <StatusLabel kind={stateKind(job.state)} label={job.state} />],
    [
      'Last run',
      lastRun
        ? `${lastRun.state ?? 'unknown'}, ${formatTime(
            lastRun.startedAt,
          )} – ${formatTime(lastRun.finishedAt)}`
        : 'not yet',
    ],
    ['Last in steady state', formatTime(job.steadyStateLastAchievedAt)],
    ['Job id', <code>{job.jobId}</code>],
  ];

  return (
    <InfoCard title="Entra synchronization job">
      {quarantine && (
        <Box mb={2}>
          <Alert severity="error">
            <AlertTitle>
              In quarantine
              {quarantine.since ? ` since ${formatTime(quarantine.since)}` : ''}
            </AlertTitle>
            {quarantine.reason ?? 'Entra gave no reason.'}
            {quarantine.nextAttempt &&
              ` Next attempt: ${formatTime(quarantine.nextAttempt)}.`}
          </Alert>
        </Box>
      )}
      {lastRun?.error && (
        <Box mb={2}>
          <Alert severity="warning">Last run failed: {lastRun.error}</Alert>
        </Box>
      )}
      <FactList facts={facts} />
      <Typography variant="caption" color="textSecondary">
        Read from Microsoft Graph, which the backend caches briefly.
      </Typography>
    </InfoCard>
  );
}
