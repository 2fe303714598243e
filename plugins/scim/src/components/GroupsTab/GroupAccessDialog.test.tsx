import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DirectoryProviders,
  fakeDirectoryApi,
  GROUPS,
} from '../../__testUtils__/directoryFakes';
import { pending, responseError } from '../../__testUtils__/testFakes';
import { GroupAccessDialog } from './GroupAccessDialog';

const [DEVELOPERS] = GROUPS;

async function render(api = fakeDirectoryApi(), onClose = jest.fn()) {
  await renderInTestApp(
    <DirectoryProviders api={api}>
      <GroupAccessDialog group={DEVELOPERS} onClose={onClose} />
    </DirectoryProviders>,
  );
  return onClose;
}

const assign = () =>
  userEvent.click(screen.getByRole('button', { name: 'Assign access' }));

describe('GroupAccessDialog', () => {
  it('checks the current grants, one checkbox per service and per role of a checked service', async () => {
    await render();
    const catalog = await screen.findByRole('checkbox', {
      name: 'Software Catalog',
    });
    expect(catalog).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Software Catalog: Viewer' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Software Catalog: Editor' }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Scaffolder' }),
    ).not.toBeChecked();
    // Roles of an unchecked service stay hidden.
    expect(
      screen.queryByRole('checkbox', { name: 'Scaffolder: User' }),
    ).not.toBeInTheDocument();
  });

  it('saves every service shown, so unchecking one removes its grants', async () => {
    const api = fakeDirectoryApi();
    const onClose = await render(api);
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Software Catalog: Editor' }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Scaffolder' }));
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Scaffolder: User' }),
    );
    await assign();
    expect(api.updateGroupAccess).toHaveBeenLastCalledWith(
      'group:default/developers',
      {
        grants: [
          { service: 'catalog', role: 'viewer' },
          { service: 'catalog', role: 'editor' },
          { service: 'scaffolder', role: 'user' },
        ],
        services: ['catalog', 'scaffolder'],
      },
    );
    expect(onClose).toHaveBeenCalledWith(
      expect.objectContaining({ groupEntityRef: 'group:default/developers' }),
    );
  });

  it('removes all access when every service is unchecked', async () => {
    const api = fakeDirectoryApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Software Catalog' }),
    );
    await assign();
    expect(api.updateGroupAccess).toHaveBeenCalledWith(
      'group:default/developers',
      { grants: [], services: ['catalog', 'scaffolder'] },
    );
  });

  it('asks for a role under a checked service before saving', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Scaffolder' }),
    );
    expect(screen.getByText(/Choose at least one role/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Assign access' }),
    ).toBeDisabled();
  });

  it('shows loading, load error and save error states', async () => {
    const loading = await renderInTestApp(
      <DirectoryProviders
        api={fakeDirectoryApi({ listServices: jest.fn(pending) })}
      >
        <GroupAccessDialog group={DEVELOPERS} onClose={jest.fn()} />
      </DirectoryProviders>,
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Update group access: Developers',
    });
    // Backstage's Progress appears after a short delay.
    expect(await within(dialog).findByRole('progressbar')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Assign access' }),
    ).toBeDisabled();
    loading.unmount();

    const loadError = await responseError(500, 'Error', 'config broken');
    const failedLoad = await renderInTestApp(
      <DirectoryProviders
        api={fakeDirectoryApi({
          listServices: jest.fn(async () => Promise.reject(loadError)),
        })}
      >
        <GroupAccessDialog group={DEVELOPERS} onClose={jest.fn()} />
      </DirectoryProviders>,
    );
    expect(
      await screen.findByText(
        'Error: Could not load the access of Developers: config broken',
      ),
    ).toBeInTheDocument();
    failedLoad.unmount();

    const saveError = await responseError(400, 'InputError', 'unknown role');
    const onClose = await render(
      fakeDirectoryApi({
        updateGroupAccess: jest.fn(async () => Promise.reject(saveError)),
      }),
    );
    await screen.findByRole('checkbox', { name: 'Software Catalog' });
    await assign();
    expect(
      await screen.findByText('Could not save the access: unknown role'),
    ).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says so when no services are configured', async () => {
    await render(fakeDirectoryApi({ listServices: jest.fn(async () => []) }));
    expect(
      await screen.findByText(/No services are configured/),
    ).toBeInTheDocument();
  });
});
