import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import {
  ENTRA_EXPORT_ALICE,
  ENTRA_FAILED_BOB,
  ENTRA_JOB,
  fakeLogsApi,
  LogsProviders,
} from '../../__testUtils__/logsFakes';
import { pending } from '../../__testUtils__/testFakes';
import { ENTRA_PAGE_SIZE, EntraLogsPanel } from './EntraLogsPanel';

/** A Graph failure as the backend's Entra routes send it. */
const graphError = (
  status: number,
  message: string,
  retryAfterSeconds?: number,
) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'EntraGraphError', message, retryAfterSeconds },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );

describe('EntraLogsPanel', () => {
  const renderPanel = async (api = fakeLogsApi()) => {
    await renderInTestApp(
      <LogsProviders api={api}>
        <EntraLogsPanel />
      </LogsProviders>,
    );
    return api;
  };
  const table = () => screen.getByRole('table');

  it("shows Entra's job and provisioning events when Graph is configured", async () => {
    const api = await renderPanel();
    expect(
      await screen.findByText('Entra synchronization job'),
    ).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(screen.getByText(/^Succeeded, /)).toBeInTheDocument();
    expect(screen.queryByText(/In quarantine/)).not.toBeInTheDocument();

    await screen.findByText('Alice Example');
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Time',
      'Operation',
      'Resource type',
      'Entra object',
      'Backstage object',
      'Status',
      'Error',
      'Duration',
    ]);
    const alice = screen.getByText('Alice Example').closest('tr')!;
    expect(within(alice).getByText('alice@example.com')).toBeInTheDocument();
    expect(
      within(alice).getByRole('img', { name: 'Success' }),
    ).toBeInTheDocument();
    const bob = screen.getByText('Bob Example').closest('tr')!;
    expect(within(bob).getByRole('img', { name: 'Error' })).toBeInTheDocument();
    expect(bob).toHaveTextContent(
      `${ENTRA_FAILED_BOB.errorCode}: ${ENTRA_FAILED_BOB.errorReason}`,
    );
    expect(api.listEntraLogs).toHaveBeenCalledWith({
      cursor: undefined,
      limit: ENTRA_PAGE_SIZE,
    });
  });

  it('highlights a quarantined job with its reason', async () => {
    await renderPanel(
      fakeLogsApi({
        getEntraJob: jest.fn(async () => ({
          ...ENTRA_JOB,
          state: 'Quarantine',
          quarantine: {
            since: '2026-03-10T09:00:00.000Z',
            reason:
              'EncounteredQuarantineException: 401 from the SCIM endpoint',
          },
        })),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^In quarantine since /);
    expect(alert).toHaveTextContent(
      'EncounteredQuarantineException: 401 from the SCIM endpoint',
    );
    // The job state carries the error icon too.
    expect(
      within(screen.getByText('Quarantine')).getByRole('img', {
        name: 'Error',
      }),
    ).toBeInTheDocument();
  });

  it('pages through Entra events with the cursor Graph gave', async () => {
    const user = userEvent.setup();
    const api = await renderPanel(
      fakeLogsApi({
        listEntraLogs: jest.fn(async options =>
          options?.cursor
            ? { configured: true as const, items: [ENTRA_FAILED_BOB] }
            : {
                configured: true as const,
                items: [ENTRA_EXPORT_ALICE],
                nextCursor: 'skiptoken=abc',
              },
        ),
      }),
    );
    await screen.findByText('Alice Example');
    expect(screen.queryByText('Bob Example')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Bob Example')).toBeInTheDocument();
    expect(api.listEntraLogs).toHaveBeenLastCalledWith({
      cursor: 'skiptoken=abc',
      limit: ENTRA_PAGE_SIZE,
    });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('explains how to connect Graph when it is not configured', async () => {
    const api = await renderPanel(
      fakeLogsApi({
        getEntraJob: jest.fn(async () => ({ configured: false as const })),
        listEntraLogs: jest.fn(async () => ({ configured: false as const })),
      }),
    );
    expect(
      await screen.findByRole('heading', {
        name: "Connect Microsoft Graph to see Entra's provisioning logs",
      }),
    ).toBeInTheDocument();
    const text = document.body.textContent;
    for (const needed of [
      'AuditLog.Read.All',
      'Synchronization.Read.All',
      'tenantId',
      'clientId',
      'clientSecret',
      'servicePrincipalId',
      'docs/provisioning-logs.md',
    ]) {
      expect(text).toContain(needed);
    }
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.listEntraLogs).not.toHaveBeenCalled();
  });

  it('shows Graph failures as warnings, not a crash', async () => {
    const refused = await graphError(
      502,
      'Graph refused the client credentials: check scim.entra.clientSecret',
    );
    await renderPanel(
      fakeLogsApi({
        getEntraJob: jest.fn(async () => Promise.reject(refused)),
        listEntraLogs: jest.fn(async () => Promise.reject(refused)),
      }),
    );
    expect(
      await screen.findByText(
        'Warning: Could not read the synchronization job: Microsoft Graph refused or failed the request',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Warning: Could not read the Entra provisioning logs: Microsoft Graph refused or failed the request',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        'Graph refused the client credentials: check scim.entra.clientSecret',
      ),
    ).toHaveLength(2);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when to try again when Graph throttles', async () => {
    const throttled = await graphError(
      503,
      'Microsoft Graph is throttling requests',
      30,
    );
    await renderPanel(
      fakeLogsApi({
        listEntraLogs: jest.fn(async () => Promise.reject(throttled)),
      }),
    );
    expect(
      await screen.findByText(
        'Warning: Could not read the Entra provisioning logs: Microsoft Graph is throttling requests',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Try again in 30 seconds\./)).toBeInTheDocument();
    // The job still shows: one failing call does not hide the other.
    expect(screen.getByText('Entra synchronization job')).toBeInTheDocument();
  });

  it('shows loading and empty states, and refreshes', async () => {
    const user = userEvent.setup();
    const { unmount } = await renderInTestApp(
      <LogsProviders
        api={fakeLogsApi({ getEntraJob: jest.fn(() => pending()) })}
      >
        <EntraLogsPanel />
      </LogsProviders>,
    );
    // Backstage's Progress appears after a short delay.
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();

    const api = await renderPanel(
      fakeLogsApi({
        listEntraLogs: jest.fn(async () => ({
          configured: true as const,
          items: [],
        })),
      }),
    );
    expect(
      await screen.findByText(/Entra has recorded no provisioning events/),
    ).toBeInTheDocument();
    const jobCalls = api.getEntraJob.mock.calls.length;
    const logCalls = api.listEntraLogs.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(api.getEntraJob.mock.calls.length).toBeGreaterThan(jobCalls),
    );
    await waitFor(() =>
      expect(api.listEntraLogs.mock.calls.length).toBeGreaterThan(logCalls),
    );
  });
});
