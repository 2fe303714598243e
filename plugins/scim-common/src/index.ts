/**
 * Types, permissions and SCIM constants shared by the SCIM plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './scimSchemas';
export * from './types';
export * from './feed';
export * from './access';
export * from './directory';
export * from './logs';
export * from './accessRules';
