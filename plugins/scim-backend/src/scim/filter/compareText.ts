import { Compare } from 'scim2-parse-filter';

type TextTest = (actual: string, expected: string) => boolean;

const TEXT_TESTS: Record<Compare['op'], TextTest> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  co: (a, b) => a.includes(b),
  sw: (a, b) => a.startsWith(b),
  ew: (a, b) => a.endsWith(b),
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

/**
 * Evaluates a string comparison in memory, for values the server fixes
 * rather than stores (`meta.resourceType`, `schemas`, `members.type`).
 */
export const compareText = (
  actual: string,
  op: Compare['op'],
  expected: string,
): boolean => TEXT_TESTS[op](actual, expected);
