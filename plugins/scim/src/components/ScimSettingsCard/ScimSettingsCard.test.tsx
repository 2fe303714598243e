import { renderInTestApp } from '@backstage/test-utils';
import {
  screen,
  waitFor,
  waitForElementToBeRemoved,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAdminApi,
  Providers,
  SETTINGS,
} from '../../__testUtils__/testFakes';
import { ScimSettingsCard } from './ScimSettingsCard';

describe('ScimSettingsCard', () => {
  const renderCard = async (enabled: boolean, api = fakeAdminApi()) => {
    const onChange = jest.fn();
    await renderInTestApp(
      <Providers api={api}>
        <ScimSettingsCard
          settings={{ ...SETTINGS, enabled }}
          canManage
          onChange={onChange}
        />
      </Providers>,
    );
    return { api, onChange };
  };

  it('enables provisioning without asking', async () => {
    const { api, onChange } = await renderCard(false);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ ...SETTINGS, enabled: true }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ enabled: true });
    expect(
      screen.queryByText('Disable SCIM provisioning?'),
    ).not.toBeInTheDocument();
  });

  it('asks before disabling, and does nothing on cancel', async () => {
    const { api, onChange } = await renderCard(true);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    );
    expect(
      await screen.findByText('Disable SCIM provisioning?'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitForElementToBeRemoved(() =>
      screen.queryByText('Disable SCIM provisioning?'),
    );
    expect(api.updateSettings).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Disable' }),
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ ...SETTINGS, enabled: false }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ enabled: false });
  });

  it('copies the SCIM base URL and says so', async () => {
    document.execCommand = jest.fn(() => true);
    await renderCard(true);
    expect(screen.getAllByText(SETTINGS.baseUrl).length).toBeGreaterThan(0); // the inline guide
    await userEvent.click(
      screen.getByRole('button', { name: 'Copy SCIM base URL' }),
    );
    expect(await screen.findByText('SCIM base URL copied')).toBeInTheDocument();
    expect(document.execCommand).toHaveBeenCalledWith('copy');
  });
});
