/**
 * Types, permissions and SCIM constants shared by the SCIM plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './scimSchemas';
export * from './types';
export * from './feed';
