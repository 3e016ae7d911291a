/** SSH between two ends wired back to back: negotiation, keys, password, channel, close. */
import { describe, expect, it } from 'vitest';
import { iosSsh, type SshSoftware, SshTransport, WINDOWS_OPENSSH } from '../../../src/cli/ssh/transport.ts';
import { payloadOf, SSH_MSG, SshReader } from '../../../src/cli/ssh/wire.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function pair(client: SshSoftware, password = 'Str0ngPass', port = 49152) {
  const log: string[] = [];
  const wire: { from: 'client' | 'server'; bytes: Uint8Array }[] = [];
  const queue: (() => void)[] = [];
  const ids = { client: `10.0.0.10:${port}`, server: '10.0.0.1:22', at: 1 };
  let c!: SshTransport;
  let s!: SshTransport;
  c = new SshTransport(
    'client',
    client,
    ids,
    (b) => {
      wire.push({ from: 'client', bytes: b });
      queue.push(() => s.receive(b));
    },
    {
      keyed: () => log.push('keyed'),
      authenticated: (ok) => log.push(`auth ${ok}`),
      opened: () => log.push('opened'),
      data: (b) => log.push(`c< ${text(b)}`),
      closed: () => log.push('c closed'),
    },
  );
  s = new SshTransport(
    'server',
    iosSsh('2.0'),
    ids,
    (b) => {
      wire.push({ from: 'server', bytes: b });
      queue.push(() => c.receive(b));
    },
    {
      authenticate: (u, p) => u === 'admin' && p === password,
      shell: (u) => log.push(`shell ${u}`),
      data: (b) => log.push(`s< ${text(b)}`),
      closed: () => log.push('s closed'),
    },
    { name: 'R1.lab', bits: 1024 },
    3,
  );
  const run = () => {
    while (queue.length > 0) queue.shift()!();
  };
  return { c, s, log, wire, run };
}

describe('SSH transport', () => {
  it('agrees on group 14 with OpenSSH, logs in, carries data both ways and closes', () => {
    const { c, s, log, wire, run } = pair(WINDOWS_OPENSSH);
    c.start();
    s.start();
    run();
    expect(log).toEqual(['keyed']);
    expect(text(wire[0]!.bytes)).toBe('SSH-2.0-OpenSSH_for_Windows_7.7\r\n');
    // The server's key exchange reply is group 14's (message 31), in clear.
    const clear = wire
      .filter((w) => w.from === 'server')
      .slice(1, 3)
      .map((w) => payloadOf(w.bytes)[0]);
    expect(clear).toEqual([SSH_MSG.KEXINIT, SSH_MSG.KEXDH_REPLY]);
    c.authenticate('admin', 'wrong');
    run();
    c.authenticate('admin', 'Str0ngPass');
    run();
    expect(log).toEqual(['keyed', 'auth false', 'auth true', 'shell admin', 'opened']);
    c.data(new TextEncoder().encode('show clock\r'));
    s.data(new TextEncoder().encode('R1>'));
    run();
    s.close();
    run();
    // The server closed first: only the client hears of it.
    expect(log.slice(5)).toEqual(['s< show clock\r', 'c< R1>', 'c closed']);
    // After NEWKEYS nothing reads in clear: no packet length parses there.
    const last = wire[wire.length - 1]!.bytes;
    expect(() => payloadOf(last.subarray(0, last.length - 20))).toThrow();
  });

  it('uses the group exchange between two IOS devices', () => {
    const { c, s, log, wire, run } = pair(iosSsh('2.0'));
    c.start();
    s.start();
    run();
    expect(log).toEqual(['keyed']);
    const kex = wire
      .filter((w) => w.from === 'client')
      .slice(1, 3)
      .map((w) => payloadOf(w.bytes)[0]);
    expect(kex).toEqual([SSH_MSG.KEXINIT, SSH_MSG.KEX_DH_GEX_REQUEST]);
    const init = new SshReader(payloadOf(wire.filter((w) => w.from === 'client')[3]!.bytes));
    expect(init.byte()).toBe(SSH_MSG.KEX_DH_GEX_INIT);
  });

  it('keys both ends alike whatever numbers the exchange draws (leading zero bytes too)', () => {
    for (let port = 49152; port < 49152 + 400; port++) {
      const { c, s, log, run } = pair(WINDOWS_OPENSSH, 'pw', port);
      c.start();
      s.start();
      run();
      c.authenticate('admin', 'pw');
      run();
      s.data(new TextEncoder().encode('R1>'));
      run();
      expect(log, `port ${port}`).toEqual(['keyed', 'auth true', 'shell admin', 'opened', 'c< R1>']);
    }
  });

  it('disconnects after the third wrong password', () => {
    const { c, s, log, run } = pair(WINDOWS_OPENSSH);
    c.start();
    s.start();
    run();
    for (const p of ['a', 'b', 'c']) {
      c.authenticate('admin', p);
      run();
    }
    expect(log).toEqual(['keyed', 'auth false', 'auth false', 's closed', 'c closed']);
  });
});
