export { ScimSettingsCard } from './ScimSettingsCard';
