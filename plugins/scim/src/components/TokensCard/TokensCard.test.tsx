import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeAdminApi, Providers, TOKENS } from '../../__testUtils__/testFakes';
import { TokensCard } from './TokensCard';

describe('TokensCard', () => {
  const renderCard = async (api = fakeAdminApi()) => {
    await renderInTestApp(
      <Providers api={api}>
        <TokensCard canManage maxValidityDays={730} />
      </Providers>,
    );
    return api;
  };

  it('lists tokens with status and flags those expiring soon', async () => {
    await renderCard();
    const active = (await screen.findByText('Entra production')).closest('tr')!;
    expect(within(active).getByText('Active')).toBeInTheDocument();
    expect(within(active).queryByText('Expires soon')).not.toBeInTheDocument();
    const soon = screen.getByText('Old Entra token').closest('tr')!;
    expect(within(soon).getByText('Expires soon')).toBeInTheDocument();
    const revoked = screen.getByText('bscim_CCCCCC…').closest('tr')!;
    expect(within(revoked).getByText('Revoked')).toBeInTheDocument();
    expect(
      within(revoked).queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('revokes a token after confirmation and reloads the list', async () => {
    const api = await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoke token bscim_AAAAAA' }),
    );
    expect(await screen.findByText('Revoke token?')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(api.revokeToken).toHaveBeenCalledWith('t-active'),
    );
    await waitFor(() => expect(api.listTokens).toHaveBeenCalledTimes(2));
  });

  it('shows an empty state', async () => {
    await renderCard(fakeAdminApi({ listTokens: jest.fn(async () => []) }));
    expect(await screen.findByText(/No tokens yet/)).toBeInTheDocument();
  });

  it('shows an error state', async () => {
    await renderCard(
      fakeAdminApi({
        listTokens: jest.fn(async () => Promise.reject(new Error('boom'))),
      }),
    );
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });

  it('opens the generate dialog and reloads after a token is made', async () => {
    const api = await renderCard();
    await screen.findByText('Entra production');
    await userEvent.click(
      screen.getByRole('button', { name: 'Generate token' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Generate token',
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(api.listTokens).toHaveBeenCalledTimes(2));
    expect(TOKENS).toHaveLength(3);
  });
});
