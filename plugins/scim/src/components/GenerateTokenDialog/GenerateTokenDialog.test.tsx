import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAdminApi,
  pending,
  Providers,
  responseError,
} from '../../__testUtils__/testFakes';
import { GenerateTokenDialog } from './GenerateTokenDialog';

const NEW_TOKEN = `bscim_${'n'.repeat(43)}`;

describe('GenerateTokenDialog', () => {
  const renderDialog = async (api = fakeAdminApi(), maxValidityDays = 730) => {
    const onClose = jest.fn();
    await renderInTestApp(
      <Providers api={api}>
        <GenerateTokenDialog
          open
          maxValidityDays={maxValidityDays}
          onClose={onClose}
        />
      </Providers>,
    );
    return { api, onClose };
  };
  const generateButton = () =>
    screen.getByRole('button', { name: 'Generate token' });

  it('generates a token with the chosen validity and shows it once', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    const { api, onClose } = await renderDialog();
    expect(screen.getByRole('radio', { name: '365 days' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '90 days' }));
    await user.type(screen.getByLabelText('Description (optional)'), 'Entra');
    await user.click(generateButton());

    expect(
      await screen.findByText(
        'Copy this token now: you will not be able to see it again.',
      ),
    ).toBeInTheDocument();
    expect(api.createToken).toHaveBeenCalledTimes(1);
    expect(api.createToken).toHaveBeenCalledWith({
      validityDays: 90,
      description: 'Entra',
    });
    const token = screen.getByLabelText('Token');
    expect(token).toHaveValue(NEW_TOKEN);
    expect(token).toHaveFocus();
    expect(token).toHaveAttribute('readonly');
    expect(
      screen.queryByRole('button', { name: 'Generate token' }),
    ).not.toBeInTheDocument();

    const copy = screen.getByRole('button', { name: 'Copy token' });
    await user.click(copy);
    expect(writeText).toHaveBeenCalledWith(NEW_TOKEN);
    expect(copy).toHaveTextContent('Copied');

    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('does not close on Escape while the token is shown', async () => {
    const user = userEvent.setup();
    const { onClose } = await renderDialog();
    await user.click(generateButton());
    await screen.findByLabelText('Token');
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Token')).toHaveValue(NEW_TOKEN);
  });

  it('validates a custom number of days', async () => {
    const user = userEvent.setup();
    const { api } = await renderDialog();
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const days = screen.getByLabelText('Days');
    expect(generateButton()).toBeDisabled();

    for (const invalid of ['0', '731', '1.5']) {
      await user.clear(days);
      await user.type(days, invalid);
      expect(days).toHaveAttribute('aria-invalid', 'true');
      expect(
        screen.getByText('Enter a whole number of days from 1 to 730'),
      ).toBeInTheDocument();
      expect(generateButton()).toBeDisabled();
    }

    await user.clear(days);
    await user.type(days, '45');
    expect(days).toHaveAttribute('aria-invalid', 'false');
    expect(
      screen.queryByText('Enter a whole number of days from 1 to 730'),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/^Expires on/)).toBeInTheDocument();
    await user.click(generateButton());
    await waitFor(() =>
      expect(api.createToken).toHaveBeenCalledWith({
        validityDays: 45,
        description: undefined,
      }),
    );
  });

  it('offers only the presets the backend allows', async () => {
    await renderDialog(fakeAdminApi(), 100);
    const radios = within(screen.getByRole('radiogroup')).getAllByRole('radio');
    expect(radios.map(r => r.closest('label')?.textContent)).toEqual([
      '30 days',
      '90 days',
      'Custom',
    ]);
    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked();
  });

  it('shows progress while generating', async () => {
    const user = userEvent.setup();
    await renderDialog(fakeAdminApi({ createToken: jest.fn(() => pending()) }));
    await user.click(generateButton());
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(generateButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });

  it('shows an API error in the dialog', async () => {
    const user = userEvent.setup();
    const api = fakeAdminApi({
      createToken: jest.fn(async () =>
        Promise.reject(
          await responseError(
            400,
            'InputError',
            'validityDays must be a whole number of days from 1 to 730',
          ),
        ),
      ),
    });
    const { onClose } = await renderDialog(api);
    await user.click(generateButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not generate the token: validityDays must be a whole number of days from 1 to 730',
    );
    expect(screen.queryByLabelText('Token')).not.toBeInTheDocument();
    expect(generateButton()).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledWith(false);
  });
});
