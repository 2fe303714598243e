import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CATALOG_ROUTES,
  DirectoryProviders,
  fakeDirectoryApi,
  GROUPS,
  pageOf,
} from '../../__testUtils__/directoryFakes';
import { pending, responseError } from '../../__testUtils__/testFakes';
import { GroupsTab } from './GroupsTab';

const render = (
  api = fakeDirectoryApi(),
  permissions: { canRead?: boolean; canManage?: boolean } = {},
) =>
  renderInTestApp(
    <DirectoryProviders api={api} {...permissions}>
      <GroupsTab />
    </DirectoryProviders>,
    CATALOG_ROUTES,
  );

const rowOf = async (name: string) =>
  (await screen.findByRole('link', { name })).closest('tr')!;

describe('GroupsTab', () => {
  it('lists groups with a catalog link, Managed by, member count and grants', async () => {
    await render();
    expect(
      await screen.findByRole('columnheader', { name: 'Managed by' }),
    ).toBeInTheDocument();
    const developers = await rowOf('Developers');
    expect(
      within(developers).getByRole('link', { name: 'Developers' }),
    ).toHaveAttribute('href', '/catalog/default/group/developers');
    expect(
      within(developers).getByText('Identity provider'),
    ).toBeInTheDocument();
    expect(
      within(developers).getByRole('button', {
        name: 'View the 12 members of Developers',
      }),
    ).toBeInTheDocument();
    expect(
      await within(developers).findByText('Software Catalog: Viewer'),
    ).toBeInTheDocument();
    const platform = await rowOf('Platform team');
    expect(within(platform).getByText('Backstage')).toBeInTheDocument();
    expect(within(platform).getByText('No access')).toBeInTheDocument();
  });

  it('searches and pages on the server', async () => {
    const api = fakeDirectoryApi({
      listGroups: jest.fn(async ({ offset = 0 }) => pageOf(GROUPS, 30, offset)),
    });
    await render(api);
    await rowOf('Developers');
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(api.listGroups).toHaveBeenLastCalledWith({
        search: '',
        offset: 25,
        limit: 25,
      }),
    );
    await userEvent.type(screen.getByLabelText('Search groups'), 'dev');
    await waitFor(() =>
      expect(api.listGroups).toHaveBeenLastCalledWith({
        search: 'dev',
        offset: 0,
        limit: 25,
      }),
    );
  });

  it('updates group access and shows the new grants', async () => {
    const api = fakeDirectoryApi();
    await render(api);
    const platform = await rowOf('Platform team');
    await userEvent.click(
      within(platform).getByRole('button', { name: /Update group access/ }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Update group access: Platform team',
    });
    await userEvent.click(
      await within(dialog).findByRole('checkbox', { name: 'Scaffolder' }),
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Scaffolder: User' }),
    );
    api.listGroupAccess.mockResolvedValue([
      {
        groupEntityRef: 'group:default/platform',
        grants: [{ service: 'scaffolder', role: 'user' }],
        unknown: [],
      },
    ]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Assign access' }),
    );
    expect(api.updateGroupAccess).toHaveBeenCalledWith(
      'group:default/platform',
      {
        grants: [{ service: 'scaffolder', role: 'user' }],
        services: ['catalog', 'scaffolder'],
      },
    );
    expect(
      await within(await rowOf('Platform team')).findByText('Scaffolder: User'),
    ).toBeInTheDocument();
  });

  it('shows the members of an IdP group read-only', async () => {
    const api = fakeDirectoryApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'View the 12 members of Developers',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Members of Developers',
    });
    expect(
      within(dialog).getByText(/Membership is managed in Microsoft Entra ID/),
    ).toBeInTheDocument();
    expect(
      await within(dialog).findByRole('link', { name: 'Ada Lovelace' }),
    ).toBeInTheDocument();
    expect(api.listGroupMembers).toHaveBeenCalledWith(
      'group:default/developers',
      {
        offset: 0,
        limit: 25,
      },
    );
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('shows loading, empty and error states', async () => {
    const loading = await render(
      fakeDirectoryApi({ listGroups: jest.fn(pending) }),
    );
    expect(screen.getByLabelText('Loading Groups')).toBeInTheDocument();
    loading.unmount();

    const empty = await render(
      fakeDirectoryApi({ listGroups: jest.fn(async () => pageOf([])) }),
    );
    expect(await screen.findByText(/^No groups match/)).toBeInTheDocument();
    empty.unmount();

    const error = await responseError(500, 'Error', 'catalog is down');
    await render(
      fakeDirectoryApi({
        listGroups: jest.fn(async () => Promise.reject(error)),
        listGroupAccess: jest.fn(async () => Promise.reject(error)),
      }),
    );
    expect(
      await screen.findByText(/Could not load the groups: catalog is down/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Could not load the current grants: catalog is down'),
    ).toBeInTheDocument();
  });

  it('disables Update group access without scim.settings.manage', async () => {
    await render(fakeDirectoryApi(), { canManage: false });
    const developers = await rowOf('Developers');
    expect(
      within(developers).getByRole('button', { name: /Update group access/ }),
    ).toBeDisabled();
  });

  it('tells non-admins they need the identity admin permission', async () => {
    const api = fakeDirectoryApi();
    await render(api, { canRead: false, canManage: false });
    expect(
      await screen.findByText(
        'You need the identity admin permission (scim.settings.read) to see groups and their access',
      ),
    ).toBeInTheDocument();
    expect(api.listGroups).not.toHaveBeenCalled();
  });
});
