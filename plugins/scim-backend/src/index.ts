/**
 * SCIM 2.0 service provider for Microsoft Entra ID provisioning.
 *
 * @packageDocumentation
 */
export { scimPlugin as default } from './plugin';
export {
  configureRootHttpRouterForScim,
  type ScimRootHttpRouterContext,
} from './configureRootHttpRouterForScim';
