import { expiresSoon, tokenStatus } from './tokenStatus';

const now = new Date('2026-11-28T12:00:00.000Z');
const token = (expiresAt: string, revokedAt?: string) => ({
  id: 't',
  prefix: 'bscim_abcdef',
  createdBy: 'user:default/admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt,
  revokedAt,
});

describe('tokenStatus', () => {
  it('tells active, expired and revoked tokens apart', () => {
    expect(tokenStatus(token('2026-12-30T00:00:00.000Z'), now)).toBe('Active');
    expect(tokenStatus(token('2026-11-28T12:00:00.000Z'), now)).toBe('Expired');
    expect(
      tokenStatus(
        token('2027-12-30T00:00:00.000Z', '2026-11-01T00:00:00.000Z'),
        now,
      ),
    ).toBe('Revoked');
  });

  it('flags active tokens that expire within 14 days', () => {
    expect(expiresSoon(token('2026-12-12T11:59:00.000Z'), now)).toBe(true);
    expect(expiresSoon(token('2026-12-12T12:01:00.000Z'), now)).toBe(false);
    expect(expiresSoon(token('2026-11-20T00:00:00.000Z'), now)).toBe(false);
  });
});
