import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyButton } from './CopyButton';

describe('CopyButton', () => {
  const execCommand = document.execCommand;
  afterEach(() => {
    document.execCommand = execCommand;
    jest.restoreAllMocks();
  });

  it('puts the text on the clipboard and says it was copied', async () => {
    const user = userEvent.setup(); // installs a clipboard stub on navigator
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await renderInTestApp(<CopyButton text="https://x/scim/v2" what="URL" />);
    const button = screen.getByRole('button', { name: 'Copy URL' });
    expect(button).toHaveTextContent('Copy');
    await user.click(button);
    expect(writeText).toHaveBeenCalledWith('https://x/scim/v2');
    expect(button).toHaveTextContent('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('URL copied');
  });

  it('is keyboard operable', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await renderInTestApp(<CopyButton text="abc" what="token" />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy token' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledWith('abc');
  });

  it('tells the user to copy by hand when the browser refuses', async () => {
    const user = userEvent.setup();
    const writeText = jest
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValue(new Error('NotAllowedError'));
    await renderInTestApp(<CopyButton text="abc" what="token" />);
    await user.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith('abc');
    expect(
      await screen.findByText(/Could not copy: select the text/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy token' }),
    ).toHaveTextContent(/^Copy$/);
  });

  it('falls back to execCommand without the Clipboard API', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    });
    const copyCommand = jest.fn(() => true);
    document.execCommand = copyCommand;
    await renderInTestApp(<CopyButton text="abc" what="token" />);
    await user.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(copyCommand).toHaveBeenCalledWith('copy');
    expect(
      screen.getByRole('button', { name: 'Copy token' }),
    ).toHaveTextContent('Copied');
  });
});
