import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAdminApi,
  pending,
  Providers,
  responseError,
  SETTINGS,
} from '../../__testUtils__/testFakes';
import { ScimProvisioningTab } from './ScimProvisioningTab';

const NEEDS_MANAGE =
  'You need the identity admin permission (scim.settings.manage) to manage SCIM provisioning';
const NEEDS_MANAGE_RE =
  /You need the identity admin permission \(scim\.settings\.manage\) to manage SCIM provisioning/;

describe('ScimProvisioningTab', () => {
  const renderTab = (api = fakeAdminApi(), canManage = true) =>
    renderInTestApp(
      <Providers api={api} canManage={canManage}>
        <ScimProvisioningTab />
      </Providers>,
    );

  it('shows the settings and tokens with their controls to an admin', async () => {
    await renderTab();
    const toggle = await screen.findByRole('checkbox', {
      name: 'Enable SCIM provisioning',
    });
    expect(toggle).toBeChecked();
    expect(toggle).toBeEnabled();
    expect(screen.getByLabelText('SCIM base URL')).toHaveValue(
      SETTINGS.baseUrl,
    );
    expect(await screen.findByText('Entra production')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Generate token' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(NEEDS_MANAGE_RE)).not.toBeInTheDocument();
  });

  it('keeps the switch in step with what the backend saved', async () => {
    const user = userEvent.setup();
    await renderTab(
      fakeAdminApi({
        getSettings: jest.fn(async () => ({ ...SETTINGS, enabled: false })),
      }),
    );
    await user.click(
      await screen.findByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
      ).toBeChecked(),
    );
    expect(screen.getByText(/SCIM provisioning is on/)).toBeInTheDocument();
  });

  it('is read-only for users without the manage permission', async () => {
    await renderTab(fakeAdminApi(), false);
    expect(await screen.findByText(NEEDS_MANAGE_RE)).toBeInTheDocument();
    expect(screen.getByLabelText('SCIM base URL')).toHaveValue(
      SETTINGS.baseUrl,
    );
    expect(screen.getByText(/SCIM provisioning is on/)).toBeInTheDocument();
    expect(await screen.findByText('Entra production')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Generate token' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('explains the missing permission when the backend refuses to show the settings', async () => {
    const api = fakeAdminApi({
      getSettings: jest.fn(async () =>
        Promise.reject(
          await responseError(
            403,
            'NotAllowedError',
            'You need the scim.settings.read permission',
          ),
        ),
      ),
    });
    await renderTab(api, false);
    expect(
      await screen.findByRole('heading', { name: NEEDS_MANAGE }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('SCIM base URL')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(api.listTokens).not.toHaveBeenCalled();
  });

  it('shows other failures as errors', async () => {
    await renderTab(
      fakeAdminApi({
        getSettings: jest.fn(async () =>
          Promise.reject(await responseError(503, 'Error', 'backend down')),
        ),
      }),
    );
    const title = await screen.findByText(
      /Could not load the SCIM settings: backend down/,
    );
    expect(title).toBeInTheDocument();
    expect(screen.queryByText(NEEDS_MANAGE_RE)).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderTab(fakeAdminApi({ getSettings: jest.fn(() => pending()) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByLabelText('SCIM base URL')).not.toBeInTheDocument();
  });

  it('can be used with the keyboard alone', async () => {
    const user = userEvent.setup();
    const api = fakeAdminApi({
      getSettings: jest.fn(async () => ({ ...SETTINGS, enabled: false })),
    });
    await renderTab(api);
    await screen.findByText('Entra production');
    const toggle = screen.getByRole('checkbox', {
      name: 'Enable SCIM provisioning',
    });
    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(() =>
      expect(api.updateSettings).toHaveBeenCalledWith({ enabled: true }),
    );

    // Tab on to Generate token and open the dialog with Enter.
    const generate = screen.getByRole('button', { name: 'Generate token' });
    for (let i = 0; i < 10 && document.activeElement !== generate; i++) {
      await user.tab();
    }
    expect(generate).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', {
      name: 'Generate token',
    });
    expect(
      within(dialog).getByRole('radio', { name: '365 days' }),
    ).toBeChecked();
  });
});
