import { describe, expect, it } from 'vitest';
import { deviceOf } from '../../src/model/document.ts';
import { loadNetwork } from '../../src/model/load.ts';
import { hostConfigOf, hostFields } from '../../src/session/device-config.ts';
import type { HostConfig } from '../../src/shared/config.ts';
import { deviceId } from '../../src/shared/ids.ts';
import { ipv4, parseIpv4 } from '../../src/shared/ipv4.ts';

const addr = (text: string) => parseIpv4(text)!;

const hostOf = (fields: object) => {
  const { doc, problems } = loadNetwork({
    version: 1,
    devices: [{ name: 'Srv1', kind: 'server', at: [0, 0], ...fields }],
  });
  expect(problems).toEqual([]);
  return deviceOf(doc!, deviceId('d1'))!;
};

describe("a host's settings between the document and the engine", () => {
  it('reads DNS servers and records into the host configuration', () => {
    const device = hostOf({
      ip: '10.0.0.53/24',
      gateway: '10.0.0.1',
      dns: ['10.0.0.53', '10.0.1.53'],
      dnsRecords: [
        { name: 'www.example.com', type: 'A', address: '10.0.0.80' },
        { name: 'web.example.com', type: 'CNAME', target: 'www.example.com' },
      ],
    });
    expect(hostConfigOf(device)).toEqual({
      ip: { addr: addr('10.0.0.53'), len: 24 },
      gateway: addr('10.0.0.1'),
      dns: [addr('10.0.0.53'), addr('10.0.1.53')],
      dnsRecords: [
        { name: 'www.example.com', type: 'A', address: addr('10.0.0.80') },
        { name: 'web.example.com', type: 'CNAME', target: 'www.example.com' },
      ],
    });
  });

  it('keeps the DNS settings of a host that obtains its address by DHCP', () => {
    expect(hostConfigOf(hostOf({ ip: 'dhcp', dns: '10.0.0.53', dnsRecords: [] }))).toEqual({
      dhcp: true,
      dns: [addr('10.0.0.53')],
      dnsRecords: [],
    });
    expect(hostConfigOf(hostOf({ ip: 'dhcp' }))).toEqual({ dhcp: true });
  });

  it('writes them back as the document holds them', () => {
    const config: HostConfig = {
      dhcp: true,
      dns: [ipv4(0x0a000035)],
      dnsRecords: [{ name: 'a.example', type: 'A', address: ipv4(0x0a000050) }],
    };
    expect(hostFields(config)).toEqual({
      ip: 'dhcp',
      dns: ['10.0.0.53'],
      dnsRecords: [{ name: 'a.example', type: 'A', address: '10.0.0.80' }],
    });
    expect(hostFields({ dns: [] })).toEqual({});
    const device = hostOf({
      ip: '10.0.0.53/24',
      dns: ['10.0.0.53', '10.0.1.53'],
      dnsRecords: [{ name: 'web.example.com', type: 'CNAME', target: 'www.example.com' }],
    });
    const { id: _, name: __, kind: ___, at: ____, ...fields } = device;
    expect(hostFields(hostConfigOf(device))).toEqual(fields);
  });
});
