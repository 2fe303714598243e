import { renderInTestApp } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CONFLICT_BOB,
  CREATED_ALICE,
  fakeLogsApi,
  LIST_GROUPS,
  LogsProviders,
} from '../../__testUtils__/logsFakes';
import { pending, responseError } from '../../__testUtils__/testFakes';
import {
  LocalLogsPanel,
  LOG_PAGE_SIZE,
  SEARCH_DEBOUNCE_MS,
} from './LocalLogsPanel';

describe('LocalLogsPanel', () => {
  const renderPanel = async (api = fakeLogsApi()) => {
    await renderInTestApp(
      <LogsProviders api={api}>
        <LocalLogsPanel />
      </LogsProviders>,
    );
    return api;
  };
  const row = (text: string) => screen.getByText(text).closest('tr')!;
  const table = () => screen.getByRole('table');
  /** A cell text in the table, not in the filters' options. */
  const inTable = (text: string) => within(table()).queryByText(text);

  it('lists the SCIM requests with their outcome', async () => {
    const api = await renderPanel();
    await screen.findByText('alice@example.com');
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Time',
      'Operation',
      'Resource type',
      'Resource',
      'Status',
      'Detail',
      'Duration',
      'Token',
      'Details',
    ]);

    const created = row('alice@example.com');
    expect(within(created).getByText('u-alice')).toBeInTheDocument();
    expect(within(created).getByText('201')).toBeInTheDocument();
    expect(
      within(created).getByRole('img', { name: 'Success' }),
    ).toBeInTheDocument();
    expect(within(created).getByText('42 ms')).toBeInTheDocument();
    expect(within(created).getByText('bscim_AAAAAA…')).toBeInTheDocument();

    const conflict = row('bob@example.com');
    expect(within(conflict).getByText('409')).toBeInTheDocument();
    expect(
      within(conflict).getByRole('img', { name: 'Error' }),
    ).toBeInTheDocument();
    expect(within(conflict).getByText('uniqueness')).toBeInTheDocument();
    expect(conflict).toHaveTextContent(
      'uniqueness: userName bob@example.com is already taken',
    );
    expect(within(conflict).getByText('1.3 s')).toBeInTheDocument();

    expect(within(table()).getByText('list').closest('tr')).toHaveTextContent(
      'Group',
    );
    expect(api.listLogs).toHaveBeenCalledWith({ limit: LOG_PAGE_SIZE });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('asks the API for the chosen operation, resource type, status and time range', async () => {
    const user = userEvent.setup();
    const api = await renderPanel();
    await screen.findByText('alice@example.com');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Operation' }),
      'disable',
    );
    await waitFor(() =>
      expect(api.listLogs).toHaveBeenLastCalledWith({
        operation: 'disable',
        limit: LOG_PAGE_SIZE,
      }),
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Resource type' }),
      'Group',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'error',
    );
    await waitFor(() =>
      expect(api.listLogs).toHaveBeenLastCalledWith({
        operation: 'disable',
        resourceType: 'Group',
        status: 'error',
        limit: LOG_PAGE_SIZE,
      }),
    );

    const before = Date.now();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Time range' }),
      'Last 24 hours',
    );
    await waitFor(() =>
      expect(api.listLogs).toHaveBeenLastCalledWith(
        expect.objectContaining({ from: expect.any(String) }),
      ),
    );
    const from = Date.parse(api.listLogs.mock.lastCall![0]!.from!);
    const day = 24 * 3_600_000;
    expect(from).toBeGreaterThanOrEqual(before - day);
    expect(from).toBeLessThanOrEqual(Date.now() - day);

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Operation' }),
      'Any operation',
    );
    await waitFor(() =>
      expect(api.listLogs.mock.lastCall![0]!.operation).toBeUndefined(),
    );
  });

  describe('search', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('waits until typing stops before asking the API', async () => {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      const api = await renderPanel();
      await screen.findByText('alice@example.com');
      expect(api.listLogs).toHaveBeenCalledTimes(1);

      await user.type(
        screen.getByRole('searchbox', { name: 'Search' }),
        'alice',
      );
      expect(api.listLogs).toHaveBeenCalledTimes(1);

      act(() => {
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
      });
      await waitFor(() => expect(api.listLogs).toHaveBeenCalledTimes(2));
      expect(api.listLogs).toHaveBeenLastCalledWith({
        search: 'alice',
        limit: LOG_PAGE_SIZE,
      });
    });
  });

  it('loads further pages with the same filters and starts again when they change', async () => {
    const user = userEvent.setup();
    const api = fakeLogsApi({
      listLogs: jest.fn(async query =>
        query?.cursor
          ? { items: [LIST_GROUPS] }
          : { items: [CREATED_ALICE, CONFLICT_BOB], nextCursor: '11' },
      ),
    });
    await renderPanel(api);
    await screen.findByText('alice@example.com');
    expect(inTable('list')).not.toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Resource type' }),
      'User',
    );
    await waitFor(() => expect(api.listLogs).toHaveBeenCalledTimes(2));
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(inTable('list')).toBeInTheDocument());
    expect(api.listLogs).toHaveBeenLastCalledWith({
      resourceType: 'User',
      limit: LOG_PAGE_SIZE,
      cursor: '11',
    });
    expect(screen.getByText('alice@example.com')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'success',
    );
    await waitFor(() => expect(inTable('list')).not.toBeInTheDocument());
    expect(api.listLogs).toHaveBeenLastCalledWith({
      resourceType: 'User',
      status: 'success',
      limit: LOG_PAGE_SIZE,
    });
    expect(
      await screen.findByRole('button', { name: 'Load more' }),
    ).toBeInTheDocument();
  });

  it('keeps the loaded rows and explains when a further page fails', async () => {
    const user = userEvent.setup();
    const error = await responseError(500, 'Error', 'database unavailable');
    const api = fakeLogsApi({
      listLogs: jest.fn(async query =>
        query?.cursor
          ? Promise.reject(error)
          : { items: [CREATED_ALICE], nextCursor: '12' },
      ),
    });
    await renderPanel(api);
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(
      await screen.findByText(
        /Could not load the provisioning log: database unavailable/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('alice@example.com')).toBeInTheDocument();
  });

  it('opens the details of a request in a drawer, and closes it', async () => {
    const user = userEvent.setup();
    const api = await renderPanel();
    await screen.findByText('alice@example.com');
    await user.click(
      within(row('alice@example.com')).getByRole('button', {
        name: 'View details',
      }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: 'POST /api/scim/v2/Users',
    });
    expect(api.getLog).toHaveBeenCalledWith('12');
    expect(within(drawer).getByText('req-12')).toBeInTheDocument();
    expect(within(drawer).getByText('entra-alice')).toBeInTheDocument();
    expect(
      await within(drawer).findByRole('heading', { name: 'Request body' }),
    ).toBeInTheDocument();
    expect(drawer).toHaveTextContent('"password": "[REDACTED]"');

    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('refreshes the table and the summary', async () => {
    const user = userEvent.setup();
    const api = await renderPanel();
    await screen.findByText('alice@example.com');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.listLogs).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(api.getSummary).toHaveBeenCalledTimes(2));
  });

  it('shows loading, empty and error states', async () => {
    const { unmount } = await renderInTestApp(
      <LogsProviders
        api={fakeLogsApi({
          listLogs: jest.fn(() => pending()),
          getSummary: jest.fn(() => pending()),
        })}
      >
        <LocalLogsPanel />
      </LogsProviders>,
    );
    expect(screen.getAllByTestId('progress')).toHaveLength(2);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    unmount();

    await renderPanel(
      fakeLogsApi({ listLogs: jest.fn(async () => ({ items: [] })) }),
    );
    expect(
      await screen.findByText(/No SCIM requests match these filters/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a failed first page as an error', async () => {
    await renderPanel(
      fakeLogsApi({
        listLogs: jest.fn(async () =>
          Promise.reject(
            await responseError(
              400,
              'InputError',
              'search must be at most 200 characters',
            ),
          ),
        ),
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the provisioning log: search must be at most 200 characters/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
