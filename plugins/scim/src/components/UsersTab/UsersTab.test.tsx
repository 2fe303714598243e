import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CATALOG_ROUTES,
  DirectoryProviders,
  fakeDirectoryApi,
  pageOf,
  USERS,
} from '../../__testUtils__/directoryFakes';
import { pending, responseError } from '../../__testUtils__/testFakes';
import { UsersTab } from './UsersTab';

const render = (
  api = fakeDirectoryApi(),
  permissions: { canRead?: boolean; canManage?: boolean } = {},
) =>
  renderInTestApp(
    <DirectoryProviders api={api} {...permissions}>
      <UsersTab />
    </DirectoryProviders>,
    CATALOG_ROUTES,
  );

describe('UsersTab', () => {
  it('lists the first page of users with source, status and last change', async () => {
    const api = fakeDirectoryApi();
    await render(api);
    const ada = (await screen.findByText('Ada Lovelace')).closest('tr')!;
    // userName under the name, and the email column.
    expect(within(ada).getAllByText('ada@example.com')).toHaveLength(2);
    expect(within(ada).getByText('SCIM')).toBeInTheDocument();
    expect(within(ada).getByText('Active')).toBeInTheDocument();
    expect(
      within(ada).getByText(
        new Date(USERS[0].lastProvisionedAt!).toLocaleString(),
      ),
    ).toBeInTheDocument();
    const guest = screen.getByText('guest').closest('tr')!;
    expect(within(guest).getByText('Backstage')).toBeInTheDocument();
    expect(api.listUsers).toHaveBeenCalledWith({
      search: '',
      offset: 0,
      limit: 25,
      status: 'active',
    });
  });

  it('searches, pages and filters on the server', async () => {
    const api = fakeDirectoryApi({
      listUsers: jest.fn(async ({ offset = 0 }) =>
        pageOf(USERS, 60, offset, 25),
      ),
    });
    await render(api);
    await screen.findByText('Ada Lovelace');

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(api.listUsers).toHaveBeenLastCalledWith(
        expect.objectContaining({ offset: 25, limit: 25 }),
      ),
    );

    await userEvent.type(screen.getByLabelText('Search users'), 'ada');
    await waitFor(() =>
      expect(api.listUsers).toHaveBeenLastCalledWith({
        search: 'ada',
        offset: 0,
        limit: 25,
        status: 'active',
      }),
    );

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(screen.getByRole('option', { name: 'Deactivated' }));
    await waitFor(() =>
      expect(api.listUsers).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: 'deactivated', offset: 0 }),
      ),
    );
  });

  it('shows loading, empty and error states', async () => {
    const loading = await render(
      fakeDirectoryApi({ listUsers: jest.fn(pending) }),
    );
    expect(screen.getByLabelText('Loading Users')).toBeInTheDocument();
    loading.unmount();

    const empty = await render(
      fakeDirectoryApi({ listUsers: jest.fn(async () => pageOf([])) }),
    );
    expect(await screen.findByText(/^No users match/)).toBeInTheDocument();
    empty.unmount();

    const error = await responseError(500, 'Error', 'catalog is down');
    await render(
      fakeDirectoryApi({
        listUsers: jest.fn(async () => Promise.reject(error)),
      }),
    );
    expect(
      await screen.findByText(/Could not load the users: catalog is down/),
    ).toBeInTheDocument();
  });

  it('opens the access of a user', async () => {
    const api = fakeDirectoryApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'View access of Ada Lovelace',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Access of Ada Lovelace',
    });
    expect(
      await within(dialog).findByText('Effective roles'),
    ).toBeInTheDocument();
    expect(api.getUserAccess).toHaveBeenCalledWith(
      'user:default/ada_example.com',
    );
  });

  it('removes the manual roles of IdP users after confirmation', async () => {
    const api = fakeDirectoryApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Remove manual roles of IdP users',
      }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Remove manual roles of IdP users?',
    });
    expect(api.removeIdpManualRoles).not.toHaveBeenCalled();
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Remove manual roles' }),
    );
    expect(
      await screen.findByText(
        'Removed 7 manual roles from 4 IdP-provisioned users.',
      ),
    ).toBeInTheDocument();
    expect(api.removeIdpManualRoles).toHaveBeenCalledTimes(1);
  });

  it('disables changes without scim.settings.manage', async () => {
    await render(fakeDirectoryApi(), { canManage: false });
    const bulk = await screen.findByRole('button', {
      name: 'Remove manual roles of IdP users',
    });
    expect(bulk).toBeDisabled();
  });

  it('tells non-admins they need the identity admin permission', async () => {
    const api = fakeDirectoryApi();
    await render(api, { canRead: false, canManage: false });
    expect(
      await screen.findByText(
        'You need the identity admin permission (scim.settings.read) to see users and their access',
      ),
    ).toBeInTheDocument();
    expect(api.listUsers).not.toHaveBeenCalled();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the same state when the backend refuses', async () => {
    const error = await responseError(403, 'NotAllowedError', 'no');
    await render(
      fakeDirectoryApi({
        listUsers: jest.fn(async () => Promise.reject(error)),
      }),
    );
    expect(
      await screen.findByText(
        'You need the identity admin permission (scim.settings.read) to see users and their access',
      ),
    ).toBeInTheDocument();
  });
});
