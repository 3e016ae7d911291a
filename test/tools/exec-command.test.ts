/**
 * `trame exec` and the configuration checks of `trame validate`, driven through `main` as a
 * user runs them from a shell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/trame.ts';

const dir = mkdtempSync(join(tmpdir(), 'trame-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function trame(args: string[], stdin = ''): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // Lines as a terminal shows them: each write ends with a newline.
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const status = await main(args, {
    out: (t) => void out.push(line(t)),
    err: (t) => void err.push(line(t)),
    readStdin: async () => stdin,
  });
  return { status, out: out.join('').trimEnd(), err: err.join('').trimEnd() };
}

describe('trame exec', () => {
  it('runs DEVICE: command lines and prints each console as it shows', async () => {
    const script = write(
      'ping.txt',
      '# staff PC to guest PC\nPC1: ping 192.168.20.10\n\nR1: enable\nR1: show ip route\n',
    );
    const r = await trame(['exec', 'examples/small-office.json', '--script', script]);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain(
      '--- PC1 ---\nC:\\>ping 192.168.20.10\n\nPinging 192.168.20.10 with 32 bytes of data:',
    );
    // The router drops the echo that triggers its ARP request, as IOS does.
    expect(r.out).toMatch(/Request timed out\.\nReply from 192\.168\.20\.10: bytes=32 time<1ms TTL=127/);
    expect(r.out).toContain('--- R1 ---\nR1>enable\nR1#show ip route\n');
    expect(r.out).toMatch(/C {8}192\.168\.10\.0\/24 is directly connected, GigabitEthernet0\/0\.10/);
  });

  it('shows no password typed at a password prompt, as the console does not echo it', async () => {
    const script = write(
      'secret.txt',
      'R1: enable\nR1: configure terminal\nR1: enable secret class\nR1: end\nR1: disable\nR1: enable\nR1: class\nR1: show privilege\n',
    );
    const r = await trame(['exec', 'examples/small-office.json', '--script', script]);
    expect(r.status).toBe(0);
    expect(r.out).toContain('R1>enable\nPassword: \nR1#show privilege\nCurrent privilege level is 15');
    expect(r.out).not.toContain('Password: class');
  });

  it("prints what a console logged while other devices' lines ran above its next prompt", async () => {
    const script = write(
      'log.txt',
      'S1: enable\nR1: enable\nR1: configure terminal\nR1: interface g0/0\nR1: shutdown\nR1: end\nS1: show clock\n',
    );
    const r = await trame(['exec', 'examples/small-office.json', '--script', script]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      /--- S1 ---\n\*Mar {2}1 00:00:04\.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0\/1, changed state to down\n.*%LINK-3-UPDOWN: Interface GigabitEthernet0\/1, changed state to down\nS1#show clock\n/,
    );
    const json = await trame(['exec', 'examples/small-office.json', '--json', '--script', script]);
    const last = JSON.parse(json.out.split('\n').at(-1)!) as {
      command: string;
      before?: string;
      output: string;
    };
    expect(last.command).toBe('show clock');
    expect(last.before).toMatch(
      /^\*Mar {2}1 00:00:04\.000: %LINEPROTO-5-UPDOWN: .*\n.*%LINK-3-UPDOWN: .*\n$/,
    );
    expect(last.output).not.toContain('UPDOWN');
  });

  it('prints one JSON object per line with --json, reading the script from stdin', async () => {
    const r = await trame(
      ['exec', 'examples/small-office.json', '--json'],
      'PC2: ipconfig\nS1: show vlan brief\n',
    );
    expect(r.status).toBe(0);
    const lines = r.out
      .split('\n')
      .map((l) => JSON.parse(l) as { device: string; command: string; output: string });
    expect(lines.map((l) => [l.device, l.command])).toEqual([
      ['PC2', 'ipconfig'],
      ['S1', 'show vlan brief'],
    ]);
    expect(lines[0]!.output).toContain('IPv4 Address. . . . . . . . . . . : 192.168.10.11');
    expect(lines[1]!.output).toMatch(/10 {3}Staff +active {4}Fa0\/1, Fa0\/2/);
  });

  it('opens the starting network of a lab file', async () => {
    const network = (await import('../../examples/small-office.json', { with: { type: 'json' } })).default;
    const lab = write('lab.json', JSON.stringify({ id: 'x', title: 'x', network, checks: [] }));
    const r = await trame(['exec', lab], 'Guest: ping -n 1 192.168.20.1\n');
    expect(r.status).toBe(0);
    expect(r.out).toContain('Reply from 192.168.20.1: bytes=32');
  });

  it('refuses unknown devices and malformed lines before running anything', async () => {
    const unknown = await trame(['exec', 'examples/small-office.json'], 'PC1: ipconfig\nPC9: ipconfig\n');
    expect(unknown.status).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toBe('stdin: line 2: no device named "PC9" in this network');
    const malformed = await trame(['exec', 'examples/small-office.json'], 'ping 10.0.0.1\n');
    expect(malformed.status).toBe(1);
    expect(malformed.err).toBe('stdin: line 1: expected "DEVICE: command", got "ping 10.0.0.1"');
  });

  it('reports a broken network file with pointers and exits 1', async () => {
    const file = write(
      'broken.json',
      '{"version": 1, "devices": [{"name": "R1", "kind": "hub", "at": [0, 0]}], "links": []}',
    );
    const r = await trame(['exec', file], 'R1: enable\n');
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/broken\.json: \/devices\/0\/kind: /);
  });

  it('names devices as the network does, whatever case the script uses', async () => {
    const r = await trame(['exec', 'examples/small-office.json', '--json'], 'pc1: ipconfig\n');
    expect(JSON.parse(r.out).device).toBe('PC1');
  });

  it('opens a lab file saved with a byte order mark', async () => {
    const lab = write('bom-lab.json', `\uFEFF${readFileSync('labs/router-on-a-stick.json', 'utf8')}`);
    const r = await trame(['exec', lab], 'PC1: ipconfig\n');
    expect(r.status).toBe(0);
    expect(r.out).toContain('192.168.10.10');
  });

  it('explains bad usage with exit status 2', async () => {
    expect((await trame(['exec', 'examples/small-office.json', '--script'])).err).toMatch(
      /--script needs a value/,
    );
    const unwritable = await trame(
      ['pcap', 'examples/small-office.json', '--out', join(dir, 'no', 'such', 'x.pcap')],
      'PC1: ipconfig\n',
    );
    expect(unwritable.status).toBe(2);
    expect(unwritable.err).toMatch(/x\.pcap: cannot write: /);
    expect((await trame(['exec'])).status).toBe(2);
    expect((await trame(['exec', 'a.json', '--frobnicate'])).err).toMatch(/unknown option --frobnicate/);
    expect((await trame(['pcap', 'examples/small-office.json'])).err).toMatch(/no --out file given/);
  });
});

describe('trame validate on a lab file', () => {
  it('points into the lab, in the pointer and in the pointers a message quotes', async () => {
    const network = {
      version: 1,
      devices: [
        { name: 'S1', kind: 'switch', at: [0, 0] },
        { name: 'PC1', kind: 'pc', at: [0, 0] },
        { name: 'PC2', kind: 'pc', at: [0, 0] },
      ],
      links: [
        ['PC1:FastEthernet0', 'S1:Fa0/1'],
        ['PC2:FastEthernet0', 'S1:Fa0/1'],
      ],
    };
    const lab = write('lab-broken.json', JSON.stringify({ id: 'x', network, checks: [] }));
    const r = await trame(['validate', lab]);
    expect(r.status).toBe(1);
    expect(r.err).toBe(
      `${lab}: /network/links/1/1: port "Fa0/1" of S1 is already used by link /network/links/0`,
    );
  });
});

describe('trame validate on configuration text', () => {
  it('names the device, the line and the IOS error of every rejected line', async () => {
    const file = write(
      'bad-config.json',
      JSON.stringify({
        version: 1,
        devices: [
          {
            name: 'R1',
            kind: 'router',
            at: [0, 0],
            config:
              'hostname R1\ninterface GigabitEthernet0/0\n ip adress 10.0.0.1 255.255.255.0\n ip address 10.0.0.1 255.0.255.0\n!\nend\n',
          },
        ],
        links: [],
      }),
    );
    const r = await trame(['validate', file]);
    expect(r.status).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${file}: /devices/0/config: line 3: % Invalid input detected at '^' marker (column 7).`,
      `${file}: /devices/0/config: line 4: Bad mask 0xFF00FF00 for address 10.0.0.1`,
    ]);
  });
});
