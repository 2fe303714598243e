import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAdminApi,
  Providers,
  responseError,
  SETTINGS,
} from '../../__testUtils__/testFakes';
import { ScimSettingsCard } from './ScimSettingsCard';

describe('ScimSettingsCard', () => {
  const renderCard = async (
    options: { enabled?: boolean; canManage?: boolean; api?: any } = {},
  ) => {
    const { enabled = true, canManage = true, api = fakeAdminApi() } = options;
    const onChange = jest.fn();
    await renderInTestApp(
      <Providers api={api}>
        <ScimSettingsCard
          settings={{ ...SETTINGS, enabled }}
          canManage={canManage}
          onChange={onChange}
        />
      </Providers>,
    );
    return { api, onChange };
  };
  const toggle = () =>
    screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' });

  it('enables provisioning without asking', async () => {
    const user = userEvent.setup();
    const { api, onChange } = await renderCard({ enabled: false });
    expect(toggle()).not.toBeChecked();
    await user.click(toggle());
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ ...SETTINGS, enabled: true }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ enabled: true });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks before disabling, and does nothing on cancel', async () => {
    const user = userEvent.setup();
    const { api, onChange } = await renderCard({ enabled: true });
    await user.click(toggle());
    const dialog = await screen.findByRole('dialog', {
      name: 'Disable SCIM provisioning?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.updateSettings).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(toggle()).toBeChecked();

    await user.click(toggle());
    await user.click(
      within(
        await screen.findByRole('dialog', {
          name: 'Disable SCIM provisioning?',
        }),
      ).getByRole('button', { name: 'Disable' }),
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ ...SETTINGS, enabled: false }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ enabled: false });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('keeps the confirmation open and shows why disabling failed', async () => {
    const user = userEvent.setup();
    const api = fakeAdminApi({
      updateSettings: jest.fn(async () =>
        Promise.reject(
          await responseError(
            403,
            'NotAllowedError',
            'You need the scim.settings.manage permission',
          ),
        ),
      ),
    });
    const { onChange } = await renderCard({ enabled: true, api });
    await user.click(toggle());
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not disable SCIM provisioning: You need the scim.settings.manage permission',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows why enabling failed', async () => {
    const user = userEvent.setup();
    const api = fakeAdminApi({
      updateSettings: jest.fn(async () => Promise.reject(new Error('down'))),
    });
    const { onChange } = await renderCard({ enabled: false, api });
    await user.click(toggle());
    expect(
      (
        await screen.findByText('Could not enable SCIM provisioning: down')
      ).closest('[role="alert"]'),
    ).not.toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    expect(toggle()).not.toBeChecked();
  });

  it('shows the SCIM base URL read-only and copies it with feedback', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await renderCard();
    const field = screen.getByLabelText('SCIM base URL');
    expect(field).toHaveValue(SETTINGS.baseUrl);
    expect(field).toHaveAttribute('readonly');
    const copy = screen.getByRole('button', { name: 'Copy SCIM base URL' });
    await user.click(copy);
    expect(writeText).toHaveBeenCalledWith(SETTINGS.baseUrl);
    expect(copy).toHaveTextContent('Copied');
    expect(screen.getByText('SCIM base URL copied')).toBeInTheDocument();
  });

  it('guides through the Entra setup with the values to paste', async () => {
    await renderCard();
    const guide = screen.getByRole('list');
    const steps = within(guide).getAllByRole('listitem');
    expect(steps.map(s => s.textContent)).toEqual([
      expect.stringMatching(/Create your own application.*non-gallery/),
      expect.stringMatching(
        /Provisioning > New configuration.*Bearer authentication/,
      ),
      `Tenant URL: ${SETTINGS.baseUrl}`,
      expect.stringMatching(/^Secret token: a token from Generate token/),
      expect.stringMatching(/Test connection/),
      expect.stringMatching(/Users and groups.*Assign/),
      expect.stringMatching(/Start provisioning/),
    ]);
    expect(screen.queryByText(/Test connection fails/)).not.toBeInTheDocument();
  });

  it('warns that Entra cannot connect while provisioning is off', async () => {
    await renderCard({ enabled: false });
    expect(
      screen.getByText(/until then Entra's Test connection fails/),
    ).toBeInTheDocument();
    expect(screen.getByText(/SCIM provisioning is off/)).toBeInTheDocument();
  });

  it('shows values but no switch to read-only users', async () => {
    await renderCard({ canManage: false });
    expect(
      screen.queryByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/SCIM provisioning is on/)).toBeInTheDocument();
    expect(screen.getByLabelText('SCIM base URL')).toHaveValue(
      SETTINGS.baseUrl,
    );
    expect(
      screen.getByRole('button', { name: 'Copy SCIM base URL' }),
    ).toBeInTheDocument();
  });
});
