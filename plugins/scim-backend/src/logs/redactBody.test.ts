import { REDACTED, redactBody, truncateUtf8 } from './redactBody';

const SCIM_TOKEN = `bscim_${'A'.repeat(43)}`;
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('redactBody', () => {
  it('redacts secret keys at any depth, secret-looking text and secret PATCH targets', () => {
    const body = {
      userName: 'alice',
      password: 'hunter2',
      nested: [{ clientSecret: 's', apiKey: 'k', note: `Bearer ${JWT}` }],
      'urn:x:Authorization': 'Basic dXNlcjpwYXNz',
      title: `token ${SCIM_TOKEN} here`,
      Operations: [
        { op: 'replace', path: 'password', value: 'hunter3' },
        { op: 'replace', path: 'displayName', value: 'Alice' },
      ],
    };
    expect(JSON.parse(redactBody(body, 10_000)!)).toEqual({
      userName: 'alice',
      password: REDACTED,
      nested: [{ clientSecret: REDACTED, apiKey: REDACTED, note: REDACTED }],
      'urn:x:Authorization': REDACTED,
      title: `token ${REDACTED} here`,
      Operations: [
        { op: 'replace', path: 'password', value: REDACTED },
        { op: 'replace', path: 'displayName', value: 'Alice' },
      ],
    });
  });

  it('parses JSON text, redacts plain text and skips empty bodies', () => {
    expect(JSON.parse(redactBody('{"secretToken":"x"}', 1000)!)).toEqual({
      secretToken: REDACTED,
    });
    expect(redactBody(`not json ${JWT}`, 1000)).toBe(`not json ${REDACTED}`);
    expect(redactBody(Buffer.from('{"a":1}'), 1000)).toBe('{\n  "a": 1\n}');
    expect(redactBody(undefined, 1000)).toBeUndefined();
    expect(redactBody('', 1000)).toBeUndefined();
  });

  it('truncates to the byte limit without splitting a character', () => {
    expect(truncateUtf8('short', 10)).toBe('short');
    const cut = truncateUtf8('ééééé', 5); // 10 bytes; é is 2
    expect(cut).toBe('éé…[truncated 6 bytes]');
    expect(redactBody({ text: 'x'.repeat(100) }, 20)).toMatch(
      /^\{\n {2}"text": "x{7}…\[truncated \d+ bytes\]$/,
    );
  });

  it('keeps only the head of a huge text body, still redacted, without parsing it', () => {
    const members = Array.from({ length: 5000 }, (_, i) => ({
      value: `u${i}`,
    }));
    const huge = `{"secret":"bscim_${'a'.repeat(
      43,
    )}","members":${JSON.stringify(members)}}`;
    const kept = redactBody(huge, 100)!;
    expect(kept).not.toContain('bscim_a');
    expect(kept).toContain('[REDACTED]');
    const cut = Buffer.byteLength(huge) - Buffer.byteLength(kept.split('…')[0]);
    expect(kept).toMatch(new RegExp(`…\\[truncated ${cut} bytes\\]$`));
  });
});
