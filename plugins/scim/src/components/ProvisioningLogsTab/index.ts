export { ProvisioningLogsTab } from './ProvisioningLogsTab';
