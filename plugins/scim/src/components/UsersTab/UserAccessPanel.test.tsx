import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ADA_ACCESS,
  CATALOG_ROUTES,
  DirectoryProviders,
  fakeDirectoryApi,
} from '../../__testUtils__/directoryFakes';
import { pending, responseError } from '../../__testUtils__/testFakes';
import { UserAccessPanel } from './UserAccessPanel';

const ADA = 'user:default/ada_example.com';

const render = (api = fakeDirectoryApi(), canManage = true) =>
  renderInTestApp(
    <DirectoryProviders api={api} canManage={canManage}>
      <UserAccessPanel
        userEntityRef={ADA}
        name="Ada Lovelace"
        canManage={canManage}
        onClose={() => {}}
      />
    </DirectoryProviders>,
    CATALOG_ROUTES,
  );

describe('UserAccessPanel', () => {
  it('shows effective roles with where each came from, linking groups', async () => {
    await render();
    const effective = await screen.findByRole('list', {
      name: 'Effective roles',
    });
    const [viewer, user] = within(effective).getAllByRole('listitem');
    expect(viewer).toHaveTextContent('Software Catalog: Viewer');
    expect(
      within(viewer).getByRole('link', { name: 'Group developers' }),
    ).toHaveAttribute('href', '/catalog/default/group/developers');
    expect(user).toHaveTextContent('Scaffolder: User');
    expect(within(user).getByText('Manual')).toBeInTheDocument();
  });

  it('removes a manual role after confirmation and reloads', async () => {
    const api = fakeDirectoryApi();
    api.getUserAccess
      .mockResolvedValueOnce(ADA_ACCESS)
      .mockResolvedValueOnce({ ...ADA_ACCESS, manual: [], effective: [] });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Remove manual role Scaffolder: User',
      }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Remove manual role?',
    });
    expect(api.removeUserRole).not.toHaveBeenCalled();
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Remove' }),
    );
    expect(api.removeUserRole).toHaveBeenCalledWith(ADA, {
      service: 'scaffolder',
      role: 'user',
    });
    expect(await screen.findByText('No manual roles.')).toBeInTheDocument();
    expect(api.getUserAccess).toHaveBeenCalledTimes(2);
  });

  it('keeps the confirmation open with the error when removal fails', async () => {
    const error = await responseError(500, 'Error', 'database down');
    const api = fakeDirectoryApi({
      removeUserRole: jest.fn(async () => Promise.reject(error)),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Remove manual role Scaffolder: User',
      }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Remove manual role?',
    });
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Remove' }),
    );
    expect(
      await within(confirm).findByText(
        'Could not remove the role: database down',
      ),
    ).toBeInTheDocument();
  });

  it('disables removal without scim.settings.manage', async () => {
    await render(fakeDirectoryApi(), false);
    expect(
      await screen.findByRole('button', {
        name: 'Remove manual role Scaffolder: User',
      }),
    ).toBeDisabled();
  });

  it('says when a deactivated user has no effective roles, and reports unknown grants', async () => {
    await render(
      fakeDirectoryApi({
        getUserAccess: jest.fn(async () => ({
          ...ADA_ACCESS,
          active: false,
          effective: [],
          unknown: [
            {
              service: 'old',
              role: 'admin',
              reason: 'unknown-service' as const,
            },
          ],
        })),
      }),
    );
    expect(await screen.findByText(/is deactivated/)).toBeInTheDocument();
    expect(screen.getByText('No effective roles.')).toBeInTheDocument();
    expect(screen.getByText(/old: admin/)).toBeInTheDocument();
  });

  it('shows loading and error states', async () => {
    const loading = await render(
      fakeDirectoryApi({ getUserAccess: jest.fn(pending) }),
    );
    // Backstage's Progress appears after a short delay.
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    loading.unmount();

    const error = await responseError(404, 'NotFoundError', 'no such user');
    await render(
      fakeDirectoryApi({
        getUserAccess: jest.fn(async () => Promise.reject(error)),
      }),
    );
    await waitFor(() =>
      expect(
        screen.getByText(
          /Could not load the access of Ada Lovelace: no such user/,
        ),
      ).toBeInTheDocument(),
    );
  });
});
