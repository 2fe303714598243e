import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { ProvisioningLogsTab } from '../ProvisioningLogsTab';
import { GroupsTab } from '../GroupsTab';
import { ScimProvisioningTab } from '../ScimProvisioningTab';
import { UsersTab } from '../UsersTab';

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
        <TabbedLayout.Route path="/users" title="Users">
          <UsersTab />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/groups" title="Groups">
          <GroupsTab />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/logs" title="Provisioning logs">
          <ProvisioningLogsTab />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
