import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { ScimProvisioningTab } from '../ScimProvisioningTab';

/** Identity and access: User lifecycle, starting with SCIM provisioning from Entra. */
export function IdentityAccessPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Identity and access"
        subtitle="User lifecycle: provision users and groups from Microsoft Entra ID"
      />
      <TabbedLayout>
        <TabbedLayout.Route
          path="/"
          title="Automated user provisioning with SCIM"
        >
          <ScimProvisioningTab />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
