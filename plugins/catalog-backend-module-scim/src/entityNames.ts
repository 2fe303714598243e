import { FeedGroup, FeedUser } from '@internal/backstage-plugin-scim-common';
import { createHash } from 'crypto';
import { GroupNameSource, UserNameSource } from './config';

const MAX_NAME_LENGTH = 63;
const SEPARATORS_AT_ENDS = /^[-_.]+|[-_.]+$/g;
const TRAILING_SEPARATORS = /[-_.]+$/;

/**
 * Cleans a string into a valid entity name, like the msgraph provider's
 * `normalizeEntityName`, plus what that one leaves out: accents are folded
 * (`josé` → `jose`), leading separators dropped and the result truncated to
 * 63 characters. May return an empty string.
 */
export function normalizeEntityName(value: string): string {
  const cleaned = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // A fixed locale, or a Turkish server would lower-case `I` differently.
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9_.-]/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(SEPARATORS_AT_ENDS, '');
  return cleaned.slice(0, MAX_NAME_LENGTH).replace(TRAILING_SEPARATORS, '');
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Falls back to the SCIM id when the source has no usable character (e.g. only CJK). */
function baseName(source: string, id: string): string {
  return (
    normalizeEntityName(source) ||
    normalizeEntityName(id) ||
    sha256Hex(id).slice(0, 12)
  );
}

/** The name a user would get without collisions. */
export function userBaseName(user: FeedUser, from: UserNameSource): string {
  let source = user.userName;
  if (from === 'email') {
    source = user.email ?? user.userName;
  } else if (from === 'localPart') {
    source = (user.email ?? user.userName).split('@')[0];
  }
  return baseName(source, user.id);
}

/** The name a group would get without collisions. */
export function groupBaseName(group: FeedGroup, from: GroupNameSource): string {
  const source =
    from === 'externalId'
      ? group.externalId ?? group.displayName
      : group.displayName;
  return baseName(source, group.id);
}

/** A resource asking for a base name. */
export interface NameClaim {
  id: string;
  base: string;
  createdAt: string;
}

function byAge(a: NameClaim, b: NameClaim): number {
  const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (diff) {
    return diff;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? -1 : 1;
}

/** Lengths of the id hash suffix, tried in order until the name is free. */
const SUFFIX_LENGTHS = [6, 12, 24, 48, 62];

function suffixedName(claim: NameClaim, taken: Set<string>): string {
  const hash = sha256Hex(claim.id);
  let name = '';
  for (const length of SUFFIX_LENGTHS) {
    const head = claim.base
      .slice(0, MAX_NAME_LENGTH - 1 - length)
      .replace(TRAILING_SEPARATORS, '');
    name = head ? `${head}-${hash.slice(0, length)}` : hash.slice(0, length);
    // Only a sha256 prefix collision could make the last length taken too.
    if (!taken.has(name)) {
      break;
    }
  }
  return name;
}

/**
 * Gives every resource of one kind a unique name. The oldest claimant of a
 * base name (createdAt, then id) gets it; the others get
 * `<base>-<first 6 hex of sha256(id)>`, longer if even that is taken. Base
 * names are reserved for their owners, so a suffixed name never takes one.
 *
 * The result depends only on the set of claims, never on history, so every
 * replica, every restart and every delta agree with the full reconcile. The
 * price: when an older resource is renamed into a name a younger one holds,
 * the younger one moves to a suffixed name (its entity ref changes).
 */
export function assignEntityNames(
  claims: Iterable<NameClaim>,
): Map<string, string> {
  const owners = new Map<string, NameClaim>();
  const losers: NameClaim[] = [];
  for (const claim of claims) {
    const owner = owners.get(claim.base);
    if (!owner) {
      owners.set(claim.base, claim);
    } else if (byAge(claim, owner) < 0) {
      owners.set(claim.base, claim);
      losers.push(owner);
    } else {
      losers.push(claim);
    }
  }

  const names = new Map<string, string>();
  for (const [base, owner] of owners) {
    names.set(owner.id, base);
  }
  const taken = new Set(owners.keys());
  for (const claim of losers.sort(byAge)) {
    const name = suffixedName(claim, taken);
    taken.add(name);
    names.set(claim.id, name);
  }
  return names;
}
