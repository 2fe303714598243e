export { IdentityAccessPage } from './IdentityAccessPage';
