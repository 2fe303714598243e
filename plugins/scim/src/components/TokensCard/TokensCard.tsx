import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ScimTokenInfo } from '@internal/backstage-plugin-scim-common';
import { Box, Button, Chip, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { ConfirmDialog } from '../ConfirmDialog';
import { GenerateTokenDialog } from '../GenerateTokenDialog';
import { expiresSoon, tokenStatus } from './tokenStatus';

export interface TokensCardProps {
  canManage: boolean;
  maxValidityDays: number;
}

const formatDate = (value?: string) =>
  value ? new Date(value).toLocaleString() : '—';

/** The bearer tokens Entra may use: generate, see status and expiry, revoke. */
export function TokensCard(props: TokensCardProps) {
  const { canManage, maxValidityDays } = props;
  const api = useApi(scimAdminApiRef);
  const alertApi = useApi(alertApiRef);
  const {
    value: tokens,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.listTokens(), [api]);
  const [generating, setGenerating] = useState(false);
  const [revoking, setRevoking] = useState<ScimTokenInfo>();
  const [busy, setBusy] = useState(false);
  const now = new Date();

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await api.revokeToken(revoking.id);
      alertApi.post({
        message: 'Token revoked',
        severity: 'success',
        display: 'transient',
      });
      retry();
    } catch (e) {
      alertApi.post({
        message: `Could not revoke the token: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
      setRevoking(undefined);
    }
  };

  const columns: TableColumn<ScimTokenInfo>[] = [
    { title: 'Description', render: t => t.description ?? '—' },
    { title: 'Token', render: t => <code>{t.prefix}…</code> },
    { title: 'Created by', field: 'createdBy' },
    { title: 'Created', render: t => formatDate(t.createdAt) },
    {
      title: 'Expires',
      render: t => (
        <>
          {formatDate(t.expiresAt)}
          {expiresSoon(t, now) && (
            <Box component="span" ml={1}>
              <Chip size="small" color="secondary" label="Expires soon" />
            </Box>
          )}
        </>
      ),
    },
    { title: 'Last used', render: t => formatDate(t.lastUsedAt) },
    { title: 'Status', render: t => tokenStatus(t, now) },
    ...(canManage
      ? [
          {
            title: 'Actions',
            render: (t: ScimTokenInfo) =>
              tokenStatus(t, now) === 'Active' ? (
                <Button
                  size="small"
                  color="secondary"
                  onClick={() => setRevoking(t)}
                  aria-label={`Revoke token ${t.prefix}`}
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
    content = <ResponseErrorPanel error={error} />;
  } else if (!tokens?.length) {
    content = (
      <Typography>
        No tokens yet. Generate one and paste it as the Secret token in Entra.
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
      subheader="Entra sends one of these as its Secret token. Several may be valid at once, so you can rotate."
      action={
        canManage ? (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setGenerating(true)}
          >
            Generate token
          </Button>
        ) : undefined
      }
    >
      {content}
      <GenerateTokenDialog
        open={generating}
        maxValidityDays={maxValidityDays}
        onClose={created => {
          setGenerating(false);
          if (created) retry();
        }}
      />
      <ConfirmDialog
        open={revoking !== undefined}
        title="Revoke token?"
        confirmLabel="Revoke"
        busy={busy}
        onCancel={() => setRevoking(undefined)}
        onConfirm={revoke}
      >
        Entra requests with the token <code>{revoking?.prefix}…</code> will be
        refused at once. Paste another valid token in Entra first.
      </ConfirmDialog>
    </InfoCard>
  );
}
