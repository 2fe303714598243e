import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ScimTokenInfo } from '@internal/backstage-plugin-scim-common';
import { Box, Button, Chip, Typography } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { errorMessage } from '../../utils/errors';
import { ConfirmDialog } from '../ConfirmDialog';
import { GenerateTokenDialog } from '../GenerateTokenDialog';
import { EXPIRING_SOON_DAYS, expiresSoon, tokenStatus } from './tokenStatus';

export interface TokensCardProps {
  /** May generate and revoke tokens (`scim.settings.manage`). */
  canManage: boolean;
  maxValidityDays: number;
}

const formatDate = (value?: string) =>
  value ? new Date(value).toLocaleString() : '—';

const STATUS_COLORS = {
  Active: 'primary',
  Expired: 'default',
  Revoked: 'default',
} as const;

/** The bearer tokens Entra may use: generate, see status and expiry, revoke. */
export function TokensCard(props: TokensCardProps) {
  const { canManage, maxValidityDays } = props;
  const api = useApi(scimAdminApiRef);
  const {
    value: tokens,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.listTokens(), [api]);
  const [generating, setGenerating] = useState(false);
  // Kept after closing, so the dialog's text does not blank while it fades out.
  const [revoking, setRevoking] = useState<ScimTokenInfo>();
  const [revokeOpen, setRevokeOpen] = useState(false);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string>();
  const now = new Date();

  const closeRevoke = () => {
    setRevokeOpen(false);
    setRevokeError(undefined);
  };

  const revoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setRevokeError(undefined);
    try {
      await api.revokeToken(revoking.id);
      closeRevoke();
      retry();
    } catch (e) {
      setRevokeError(`Could not revoke the token: ${errorMessage(e)}`);
    } finally {
      setRevokeBusy(false);
    }
  };

  const label = (t: ScimTokenInfo) =>
    t.description ? `${t.description} (${t.prefix}…)` : `${t.prefix}…`;

  const columns: TableColumn<ScimTokenInfo>[] = [
    { title: 'Description', render: t => t.description ?? '—' },
    { title: 'Token', render: t => <code>{t.prefix}…</code> },
    { title: 'Created by', field: 'createdBy' },
    { title: 'Created', render: t => formatDate(t.createdAt) },
    { title: 'Expires', render: t => formatDate(t.expiresAt) },
    { title: 'Last used', render: t => formatDate(t.lastUsedAt) },
    {
      title: 'Status',
      render: t => {
        const status = tokenStatus(t, now);
        return (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            <Chip
              size="small"
              variant="outlined"
              color={STATUS_COLORS[status]}
              label={status}
            />
            {expiresSoon(t, now) && (
              <Chip
                size="small"
                color="secondary"
                label="Expires soon"
                title={`Expires within ${EXPIRING_SOON_DAYS} days: generate a new token and paste it in Entra`}
              />
            )}
          </Box>
        );
      },
    },
    ...(canManage
      ? [
          {
            title: 'Actions',
            render: (t: ScimTokenInfo) =>
              tokenStatus(t, now) === 'Active' ? (
                <Button
                  size="small"
                  color="secondary"
                  variant="outlined"
                  onClick={() => {
                    setRevoking(t);
                    setRevokeOpen(true);
                  }}
                  aria-label={`Revoke token ${label(t)}`}
                >
                  Revoke
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  let content;
  if (loading && !tokens) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel
        error={error}
        title={`Could not load the tokens: ${errorMessage(error)}`}
      />
    );
  } else if (!tokens?.length) {
    content = (
      <Typography>
        No tokens yet.{' '}
        {canManage
          ? 'Generate one and paste it as the Secret token in Entra.'
          : 'An identity admin generates the token Entra uses.'}
      </Typography>
    );
  } else {
    content = (
      <Table
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={tokens}
      />
    );
  }

  return (
    <InfoCard
      title="Tokens"
      subheader="Entra sends one of these as its Secret token. Several can be valid at once, so you can rotate without a gap."
      action={
        canManage ? (
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setGenerating(true)}
          >
            Generate token
          </Button>
        ) : undefined
      }
    >
      {content}
      {canManage && (
        <GenerateTokenDialog
          open={generating}
          maxValidityDays={maxValidityDays}
          onClose={created => {
            setGenerating(false);
            if (created) retry();
          }}
        />
      )}
      <ConfirmDialog
        open={revokeOpen}
        title="Revoke token?"
        confirmLabel="Revoke"
        busy={revokeBusy}
        error={revokeError}
        onCancel={closeRevoke}
        onConfirm={revoke}
      >
        Entra requests with the token <code>{revoking && label(revoking)}</code>{' '}
        will be refused at once. If Entra still uses it, paste another valid
        token there first, or provisioning stops.
      </ConfirmDialog>
    </InfoCard>
  );
}
