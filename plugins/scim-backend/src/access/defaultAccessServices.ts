import { AccessService } from '@internal/backstage-plugin-scim-common';

const catalogViewer = [
  { resourceType: 'catalog-entity', action: 'read' as const },
  { name: 'catalog.location.read' },
];

/**
 * The services and roles of a Backstage portal, used when
 * `scim.access.services` is not configured. Permission names are those of
 * `@backstage/plugin-catalog-common`, `plugin-scaffolder-common` and
 * `plugin-techdocs-common`, and this plugin's own `scim.*`.
 */
export const DEFAULT_ACCESS_SERVICES: AccessService[] = [
  {
    id: 'catalog',
    title: 'Software Catalog',
    description: 'Components, APIs, systems, users and groups',
    roles: [
      {
        id: 'viewer',
        title: 'Viewer',
        description: 'Read entities and locations',
        permissions: catalogViewer,
      },
      {
        id: 'editor',
        title: 'Editor',
        description:
          'Viewer, plus register locations and refresh entities; cannot delete',
        permissions: [
          ...catalogViewer,
          { name: 'catalog.entity.create' },
          { name: 'catalog.entity.refresh' },
          { name: 'catalog.entity.validate' },
          { name: 'catalog.location.create' },
          { name: 'catalog.location.analyze' },
        ],
      },
      {
        id: 'admin',
        title: 'Admin',
        description: 'Every catalog permission, including deletion',
        permissions: [{ name: 'catalog.*' }],
      },
    ],
  },
  {
    id: 'scaffolder',
    title: 'Scaffolder',
    description:
      'Software templates; templates are catalog entities, so users also need catalog read access',
    roles: [
      {
        id: 'user',
        title: 'User',
        description: 'Run templates and follow their tasks',
        permissions: [
          { name: 'scaffolder.template.parameter.read' },
          { name: 'scaffolder.template.step.read' },
          { name: 'scaffolder.action.execute' },
          { name: 'scaffolder.task.create' },
          { name: 'scaffolder.task.read' },
        ],
      },
      {
        id: 'admin',
        title: 'Admin',
        description:
          'Every scaffolder permission, including cancelling tasks and template management',
        permissions: [{ name: 'scaffolder.*' }],
      },
    ],
  },
  {
    id: 'techdocs',
    title: 'TechDocs',
    description: 'Documentation of catalog entities',
    roles: [
      {
        id: 'reader',
        title: 'Reader',
        // TechDocs has no page permission of its own: it shows the docs of
        // the entities a user may read, so reading docs is catalog read.
        description: 'Read the documentation of catalog entities',
        permissions: [
          { resourceType: 'catalog-entity', action: 'read' },
          { name: 'techdocs.*' },
        ],
      },
    ],
  },
  {
    id: 'identity',
    title: 'Identity and access',
    description: 'SCIM provisioning, tokens, logs and group access',
    roles: [
      {
        id: 'viewer',
        title: 'Viewer',
        description: 'See settings, tokens, logs and access, change nothing',
        permissions: [{ name: 'scim.settings.read' }],
      },
      {
        id: 'admin',
        title: 'Admin',
        description: 'Manage provisioning, tokens and group access',
        permissions: [{ name: 'scim.*' }],
      },
    ],
  },
];
