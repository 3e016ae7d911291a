/** The Telnet protocol pieces (RFC 854, 857, 858): text on the wire, commands taken out, negotiation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DO,
  DONT,
  echoOf,
  encodeText,
  IAC,
  OPT_ECHO,
  OPT_NAWS,
  OPT_SGA,
  OPT_TTYPE,
  SB,
  SE,
  TelnetReader,
  WILL,
  WONT,
} from '../../../src/cli/telnet/protocol.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const server = () => new TelnetReader({ local: new Set([OPT_ECHO, OPT_SGA]), remote: new Set() });
const client = () => new TelnetReader({ local: new Set(), remote: new Set([OPT_ECHO, OPT_SGA]) });

describe('Telnet text', () => {
  it('ends lines with CR LF, in UTF-8 (which never holds the byte IAC)', () => {
    expect([...encodeText('R1>\nok\r\n')]).toEqual([...new TextEncoder().encode('R1>\r\nok\r\n')]);
    expect([...encodeText('ÿ')]).toEqual([0xc3, 0xbf]);
  });

  it('reads CR LF, CR NUL and a lone CR as one line end, even split between reads', () => {
    const r = server();
    expect(r.read(new TextEncoder().encode('a\r')).text).toBe('a');
    expect(r.read(bytes(10, 0x62, 13, 0, 0x63, 13)).text).toBe('\nb\nc');
    expect(r.read(bytes(0x64)).text).toBe('\nd');
  });

  it('shows Ctrl+Z as ^Z when echoing', () => {
    expect(echoOf('end\x1a')).toBe('end^Z');
    expect(echoOf('end')).toBe('end');
  });

  it('round-trips any text, whatever the chunks it arrives in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const clean = text.replace(/\r/g, '');
        const wire = encodeText(clean);
        const r = client();
        const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
        let got = '';
        let from = 0;
        for (const p of [...points, wire.length]) {
          got += r.read(wire.slice(from, p)).text;
          from = p;
        }
        expect(got).toBe(clean);
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        server().read(data);
      }),
    );
  });
});

describe('Telnet negotiation', () => {
  it("agrees to IOS's offers and refuses its requests, as a client with local echo off", () => {
    const c = client();
    const { text, reply } = c.read(
      bytes(IAC, WILL, OPT_ECHO, IAC, WILL, OPT_SGA, IAC, DO, OPT_TTYPE, IAC, DO, OPT_NAWS, 0x52),
    );
    expect(text).toBe('R');
    expect([...reply]).toEqual([
      IAC,
      DO,
      OPT_ECHO,
      IAC,
      DO,
      OPT_SGA,
      IAC,
      WONT,
      OPT_TTYPE,
      IAC,
      WONT,
      OPT_NAWS,
    ]);
    // Agreed once: the same offer again gets no answer.
    expect(c.read(bytes(IAC, WILL, OPT_ECHO)).reply.length).toBe(0);
  });

  it('does not answer the agreement to its own request, nor a request already in force', () => {
    const s = server();
    const offer = [s.request(WILL, OPT_ECHO), s.request(DO, OPT_TTYPE)];
    expect([...offer[0]!]).toEqual([IAC, WILL, OPT_ECHO]);
    expect(s.read(bytes(IAC, DO, OPT_ECHO, IAC, WONT, OPT_TTYPE)).reply.length).toBe(0);
    expect(s.read(bytes(IAC, DO, OPT_ECHO)).reply.length).toBe(0);
    // Turning off what is on is answered once.
    expect([...s.read(bytes(IAC, DONT, OPT_ECHO)).reply]).toEqual([IAC, WONT, OPT_ECHO]);
    expect(s.read(bytes(IAC, DONT, OPT_ECHO)).reply.length).toBe(0);
  });

  it('skips subnegotiations and keeps an escaped 255 as data', () => {
    const r = server();
    const { text, reply } = r.read(bytes(0x61, IAC, SB, OPT_TTYPE, 0, 0x41, IAC, SE, IAC, IAC, 0x62));
    expect(reply.length).toBe(0);
    expect([...new TextEncoder().encode(text)]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });
});
