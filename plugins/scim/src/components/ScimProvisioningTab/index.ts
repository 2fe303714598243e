export { ScimProvisioningTab } from './ScimProvisioningTab';
