import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  fakeAdminApi,
  Providers,
  SETTINGS,
} from '../../__testUtils__/testFakes';
import { IdentityAccessPage } from './IdentityAccessPage';

const forbidden = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name: 'NotAllowedError', message: 'denied' } }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );

describe('IdentityAccessPage', () => {
  it('shows the SCIM setup and the tokens to an admin', async () => {
    await renderInTestApp(
      <Providers api={fakeAdminApi()}>
        <IdentityAccessPage />
      </Providers>,
    );
    expect(
      await screen.findByText('Automated user provisioning with SCIM'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Identity and access' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('SCIM base URL')).toHaveValue(
      SETTINGS.baseUrl,
    );
    expect(
      screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    ).toBeEnabled();
    expect(await screen.findByText('Entra production')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Generate token' }),
    ).toBeInTheDocument();
  });

  it('is read-only for users without the manage permission', async () => {
    await renderInTestApp(
      <Providers api={fakeAdminApi()} canManage={false}>
        <IdentityAccessPage />
      </Providers>,
    );
    expect(
      await screen.findByText(
        /You need the identity admin permission \(scim.settings.manage\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    ).toBeDisabled();
    expect(await screen.findByText('Entra production')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Generate token' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('explains the missing permission when the settings are forbidden', async () => {
    const api = fakeAdminApi({
      getSettings: jest.fn(async () => Promise.reject(await forbidden())),
    });
    await renderInTestApp(
      <Providers api={api} canManage={false}>
        <IdentityAccessPage />
      </Providers>,
    );
    expect(
      await screen.findByText(/You need the identity admin permission/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('SCIM base URL')).not.toBeInTheDocument();
  });

  it('shows an error when the settings cannot be loaded', async () => {
    const api = fakeAdminApi({
      getSettings: jest.fn(async () =>
        Promise.reject(new Error('backend down')),
      ),
    });
    await renderInTestApp(
      <Providers api={api}>
        <IdentityAccessPage />
      </Providers>,
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
