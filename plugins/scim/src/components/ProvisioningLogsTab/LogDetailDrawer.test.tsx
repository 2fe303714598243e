import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  CONFLICT_BOB,
  fakeLogsApi,
  LIST_GROUPS,
  LogsProviders,
} from '../../__testUtils__/logsFakes';
import { responseError } from '../../__testUtils__/testFakes';
import { LogDetailDrawer } from './LogDetailDrawer';

describe('LogDetailDrawer', () => {
  const renderDrawer = (
    api: ReturnType<typeof fakeLogsApi>,
    entry = CONFLICT_BOB,
  ) =>
    renderInTestApp(
      <LogsProviders api={api}>
        <LogDetailDrawer entry={entry} onClose={jest.fn()} />
      </LogsProviders>,
    );

  it('shows every recorded fact and the bodies, pretty-printed when whole', async () => {
    const api = fakeLogsApi({
      getLog: jest.fn(async () => ({
        ...CONFLICT_BOB,
        requestBody: '{"userName":"bob@example.com","password":"[REDACTED]"}',
        responseBody: '{"status":"409","scimType":"uniq… (truncated)',
      })),
    });
    await renderDrawer(api);
    const drawer = screen.getByRole('dialog', {
      name: 'POST /api/scim/v2/Users',
    });
    expect(within(drawer).getByText('409')).toBeInTheDocument();
    expect(within(drawer).getByText('uniqueness')).toBeInTheDocument();
    expect(
      within(drawer).getByText('userName bob@example.com is already taken'),
    ).toBeInTheDocument();
    expect(within(drawer).getByText('bscim_AAAAAA…')).toBeInTheDocument();
    await within(drawer).findByRole('heading', { name: 'Response body' });
    expect(drawer).toHaveTextContent(
      '{ "userName": "bob@example.com", "password": "[REDACTED]" }',
    );
    expect(drawer).toHaveTextContent(
      '{"status":"409","scimType":"uniq… (truncated)',
    );
    expect(api.getLog).toHaveBeenCalledWith('11');
  });

  it('says when bodies were not kept', async () => {
    await renderDrawer(
      fakeLogsApi({ getLog: jest.fn(async () => LIST_GROUPS) }),
      LIST_GROUPS,
    );
    expect(
      await screen.findAllByText(/Not recorded: the request had no body/),
    ).toHaveLength(2);
  });

  it('shows why the bodies could not be loaded', async () => {
    await renderDrawer(
      fakeLogsApi({
        getLog: jest.fn(async () =>
          Promise.reject(
            await responseError(
              404,
              'NotFoundError',
              'Provisioning log entry 11 not found',
            ),
          ),
        ),
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the request and response: Provisioning log entry 11 not found/,
      ),
    ).toBeInTheDocument();
    // The facts from the list stay readable.
    expect(screen.getByText('uniqueness')).toBeInTheDocument();
  });
});
