import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import {
  attribute,
  multiValuedComplex,
  ScimSchemaDefinition,
} from './ScimAttribute';

/**
 * The core User schema of RFC 7643 §4.1. `password` is left out on purpose:
 * we never store credentials, so a sent password is ignored like any unknown attribute.
 */
export const userSchema: ScimSchemaDefinition = {
  id: SCIM_SCHEMAS.user,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', 'Unique identifier for the User.', {
      required: true,
      uniqueness: 'server',
    }),
    attribute('name', 'complex', "The components of the user's real name.", {
      subAttributes: [
        attribute('formatted', 'string', 'The full name.'),
        attribute('familyName', 'string', 'The family name.'),
        attribute('givenName', 'string', 'The given name.'),
        attribute('middleName', 'string', 'The middle name(s).'),
        attribute('honorificPrefix', 'string', 'The honorific prefix(es).'),
        attribute('honorificSuffix', 'string', 'The honorific suffix(es).'),
      ],
    }),
    attribute('displayName', 'string', 'The name of the User, for display.'),
    attribute('nickName', 'string', 'The casual way to address the user.'),
    attribute('profileUrl', 'reference', "URL of the user's online profile.", {
      referenceTypes: ['external'],
    }),
    attribute('title', 'string', "The user's title."),
    attribute('userType', 'string', 'The organization-to-user relationship.'),
    attribute(
      'preferredLanguage',
      'string',
      'Preferred written or spoken language.',
    ),
    attribute('locale', 'string', "The user's default location."),
    attribute('timezone', 'string', "The user's time zone (IANA)."),
    attribute('active', 'boolean', "The user's administrative status."),
    multiValuedComplex('emails', 'Email addresses for the user.', [
      'work',
      'home',
      'other',
    ]),
    multiValuedComplex('phoneNumbers', 'Phone numbers for the User.', [
      'work',
      'home',
      'mobile',
      'fax',
      'pager',
      'other',
    ]),
    multiValuedComplex('ims', 'Instant messaging addresses.', [
      'aim',
      'gtalk',
      'icq',
      'xmpp',
      'msn',
      'skype',
      'qq',
      'yahoo',
    ]),
    multiValuedComplex(
      'photos',
      'URLs of images of the user.',
      ['photo', 'thumbnail'],
      'reference',
    ),
    attribute('addresses', 'complex', 'A physical mailing address.', {
      multiValued: true,
      subAttributes: [
        attribute('formatted', 'string', 'The full mailing address.'),
        attribute('streetAddress', 'string', 'The full street address.'),
        attribute('locality', 'string', 'The city or locality.'),
        attribute('region', 'string', 'The state or region.'),
        attribute('postalCode', 'string', 'The zip code or postal code.'),
        attribute(
          'country',
          'string',
          'The country name (ISO 3166-1 alpha-2).',
        ),
        attribute('type', 'string', 'A label indicating the function.', {
          canonicalValues: ['work', 'home', 'other'],
        }),
        attribute('primary', 'boolean', 'The primary address.'),
      ],
    }),
    attribute('groups', 'complex', 'Groups the user belongs to.', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute('value', 'string', 'The id of the Group.', {
          mutability: 'readOnly',
        }),
        attribute('$ref', 'reference', 'The URI of the Group.', {
          mutability: 'readOnly',
          referenceTypes: ['Group'],
        }),
        attribute('display', 'string', 'The displayName of the Group.', {
          mutability: 'readOnly',
        }),
        attribute('type', 'string', 'Direct or indirect membership.', {
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
    }),
    multiValuedComplex('entitlements', 'Entitlements of the user.', []),
    multiValuedComplex('roles', 'Roles of the user.', []),
    multiValuedComplex('x509Certificates', 'Certificates of the user.', []),
  ],
};
