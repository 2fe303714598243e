/**
 * Catalog module that ingests SCIM-provisioned users and groups as User and
 * Group entities.
 *
 * @packageDocumentation
 */

export { catalogModuleScimEntityProvider as default } from './module';
export { SCIM_ACTIVE_ANNOTATION } from './transformers';
