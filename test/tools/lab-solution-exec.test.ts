/**
 * Every lab's solution, typed through `trame exec` from the lab's starting network, configures
 * the devices from scratch; for the router-on-a-stick lab the PCs then ping each other, for the
 * DHCP lab they get their leases and reach the other LAN, for the NAT lab the office reaches
 * the web server and the web server the office's server at its public address, for the OSPF
 * lab the LANs reach each other and, by the default route OSPF spreads, the web server, for
 * the EtherChannel lab each VLAN crosses the bundle and the VLANs stay apart, for the spanning
 * tree security lab root guard holds the rogue switch's port and the distribution switch
 * becomes the root, for the multilayer switch lab the 3560 routes between the VLANs it trunks
 * to a 2960, for the routed uplink lab its routed port takes both VLANs to a router, for the
 * multilayer OSPF lab the 3560 and the router learn each other's networks, and for the rapid
 * PVST+ lab the switches reconverge at once when a root port goes down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../bin/trame.ts';

interface Lab {
  readonly solution: Record<string, string[]>;
}

async function exec(
  file: string,
  script: string,
): Promise<{ status: number; steps: { device: string; command: string; output: string }[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(['exec', file, '--json'], {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readStdin: async () => script,
  });
  return { status, steps: out.map((l) => JSON.parse(l)), err: err.join('\n') };
}

const solutionScript = (lab: Lab): string =>
  Object.entries(lab.solution)
    .flatMap(([device, commands]) => commands.map((c) => `${device}: ${c}`))
    .join('\n');

describe('lab solutions through trame exec', () => {
  for (const name of readdirSync('labs').filter((f) => f.endsWith('.json'))) {
    it(`${name}: every solution line is accepted`, async () => {
      const lab = JSON.parse(readFileSync(`labs/${name}`, 'utf8')) as Lab;
      const r = await exec(`labs/${name}`, solutionScript(lab));
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      for (const step of r.steps) expect(step.output, `${step.device}: ${step.command}`).not.toMatch(/^% /m);
    });
  }

  it('router-on-a-stick from scratch: PC1 and PC2 ping each other across VLANs', async () => {
    const lab = JSON.parse(readFileSync('labs/router-on-a-stick.json', 'utf8')) as Lab;
    const before = await exec('labs/router-on-a-stick.json', 'PC1: ping -n 2 192.168.20.10\n');
    expect(before.steps[0]!.output).not.toContain('Reply from 192.168.20.10');

    const r = await exec(
      'labs/router-on-a-stick.json',
      // The switch's ports listen and learn for 30 s (spanning tree) after their VLANs change.
      `${solutionScript(lab)}\nPC1: timeout /t 30\nPC1: ping 192.168.20.10\nPC2: ping 192.168.10.10\nR1: show ip interface brief\n`,
    );
    const [pc1, pc2, brief] = r.steps.slice(-3);
    // The first echo is lost while R1 resolves the destination's MAC address, as on IOS.
    expect(pc1!.output).toContain('Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),');
    expect(pc2!.output).toContain('Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),');
    expect(pc2!.output).toContain('Reply from 192.168.10.10: bytes=32 time<1ms TTL=127');
    expect(brief!.output).toMatch(/GigabitEthernet0\/0\.10 +192\.168\.10\.1 +YES manual up +up/);
  });

  it('dhcp-relay from scratch: the PCs lease addresses, the branch through the relay', async () => {
    const lab = JSON.parse(readFileSync('labs/dhcp-relay.json', 'utf8')) as Lab;
    const r = await exec(
      'labs/dhcp-relay.json',
      `${solutionScript(lab)}\nPC3: ping 192.168.1.1\nR1: show ip dhcp binding\n`,
    );
    const renewed = r.steps.filter((s) => s.command === 'ipconfig /renew').map((s) => s.output);
    const address = (text: string) => /IPv4 Address[. ]+: (\S+)/.exec(text)?.[1];
    // PC2's own discovers, still going, are answered once R1 has its pools: it leases first.
    expect(renewed.map((t) => address(t!))).toEqual(['192.168.1.12', '192.168.1.11', '192.168.2.11']);
    expect(renewed[2]).toContain('Default Gateway . . . . . . . . . : 192.168.2.1');
    const [ping, bindings] = r.steps.slice(-2);
    expect(ping!.output).toContain('Reply from 192.168.1.1');
    expect(bindings!.output.match(/Automatic/g)).toHaveLength(3);
  });

  it('nat-pat from scratch: the office reaches the web server, and WEB reaches SRV at its public address', async () => {
    const lab = JSON.parse(readFileSync('labs/nat-pat.json', 'utf8')) as Lab;
    const before = await exec('labs/nat-pat.json', 'PC1: ping -n 2 198.51.100.10\n');
    expect(before.steps[0]!.output).not.toContain('Reply from 198.51.100.10');

    const r = await exec(
      'labs/nat-pat.json',
      `${solutionScript(lab)}\nPC1: ping 198.51.100.10\nPC2: ping 198.51.100.10\nWEB: ping 209.165.200.230\nWEB: ping -n 2 192.168.1.20\nR1: show ip nat translations\n`,
    );
    const [pc1, pc2, web, hidden, table] = r.steps.slice(-5);
    // R1 resolves the ISP's address, then the ISP the server's, each losing a first echo.
    expect(pc1!.output).toContain('Packets: Sent = 4, Received = 2, Lost = 2 (50% loss),');
    expect(pc2!.output).toContain('Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),');
    expect(web!.output).toContain('Reply from 209.165.200.230: bytes=32 time<1ms TTL=126');
    expect(hidden!.output).toContain('Reply from 198.51.100.1: Destination host unreachable.');
    expect(table!.output).toContain('--- 209.165.200.230    192.168.1.20       ---                ---');
    expect(table!.output).toContain(
      'icmp 209.165.200.225:0 192.168.1.11:1     198.51.100.10:1    198.51.100.10:0',
    );
  });

  it('ospf-single-area from scratch: the LANs reach each other and the web server through OSPF', async () => {
    const lab = JSON.parse(readFileSync('labs/ospf-single-area.json', 'utf8')) as Lab;
    const before = await exec('labs/ospf-single-area.json', 'PC1: ping -n 2 192.168.20.10\n');
    expect(before.steps[0]!.output).not.toContain('Reply from 192.168.20.10');

    const r = await exec(
      'labs/ospf-single-area.json',
      // Adjacencies on Ethernet wait 40 s for the election, then SPF 5 s more.
      `${solutionScript(lab)}\nPC1: timeout /t 60\nPC1: ping 192.168.20.10\nPC2: ping 198.51.100.10\nR1: show ip ospf neighbor\nR1: show ip route ospf\n`,
    );
    const [pc1, pc2, neighbors, routes] = r.steps.slice(-4);
    expect(pc1!.output).toContain('Reply from 192.168.20.10: bytes=32 time<1ms TTL=126');
    expect(pc2!.output).toContain('Reply from 198.51.100.10: bytes=32 time<1ms TTL=125');
    expect(neighbors!.output).toMatch(
      /2\.2\.2\.2 +1 +FULL\/\S+ +00:00:3\d +10\.1\.12\.2 +GigabitEthernet0\/0/,
    );
    expect(neighbors!.output).toMatch(
      /3\.3\.3\.3 +1 +FULL\/\S+ +00:00:3\d +10\.1\.13\.2 +GigabitEthernet0\/2/,
    );
    expect(routes!.output).toContain('O*E2  0.0.0.0/0 [110/1] via 10.1.13.2');
    expect(routes!.output).toContain('O     192.168.20.0/24 [110/2] via 10.1.12.2');
  });

  it('etherchannel-lacp from scratch: both links bundle into a trunk that carries each VLAN', async () => {
    const lab = JSON.parse(readFileSync('labs/etherchannel-lacp.json', 'utf8')) as Lab;
    const before = await exec('labs/etherchannel-lacp.json', 'PC1: ping -n 2 192.168.10.12\n');
    expect(before.steps[0]!.output).not.toContain('Reply from 192.168.10.12');

    const r = await exec(
      'labs/etherchannel-lacp.json',
      // The Port-channel listens and learns for 30 s before it forwards.
      `${solutionScript(lab)}\nPC1: timeout /t 35\nPC1: ping 192.168.10.12\nPC3: ping 192.168.20.14\nPC1: ping -n 2 192.168.20.14\nS1: show etherchannel summary\nS2: show spanning-tree vlan 10\n`,
    );
    const [pc1, pc3, isolated, summary, stp] = r.steps.slice(-5);
    expect(pc1!.output).toContain('Reply from 192.168.10.12: bytes=32 time<1ms TTL=128');
    expect(pc3!.output).toContain('Reply from 192.168.20.14: bytes=32 time<1ms TTL=128');
    expect(isolated!.output).not.toContain('Reply from 192.168.20.14');
    expect(summary!.output).toContain('1      Po1(SU)         LACP      Fa0/23(P)   Fa0/24(P)');
    expect(stp!.output).toMatch(/Po1 +Root FWD 12 +128\.64 +P2p/);
  });

  it('stp-security from scratch: root guard holds the rogue switch, and DS1 becomes the root', async () => {
    const lab = JSON.parse(readFileSync('labs/stp-security.json', 'utf8')) as Lab;
    const before = await exec('labs/stp-security.json', 'AS1: show spanning-tree\n');
    expect(before.steps[0]!.output).toMatch(/Fa0\/24 +Root FWD 19 +128\.24 +P2p/);

    const r = await exec(
      'labs/stp-security.json',
      // DS1 claims the root once AS1 forgets what ROGUE told it: after the max age, 20 s.
      `${solutionScript(lab)}\nPC1: timeout /t 25\nAS1: show spanning-tree\nDS1: show spanning-tree\nPC1: ping 192.168.1.2\n`,
    );
    const guard = r.steps.find((s) => s.command === 'spanning-tree guard root');
    expect(guard!.output).toContain(
      '%SPANTREE-2-ROOTGUARD_BLOCK: Root guard blocking port FastEthernet0/24 on VLAN0001.',
    );
    const [as1, ds1, ping] = r.steps.slice(-3);
    expect(as1!.output).toMatch(/Fa0\/24 +Desg BKN\*19 +128\.24 +P2p \*ROOT_Inc/);
    expect(as1!.output).toMatch(/Gi0\/1 +Root FWD 4 +128\.25 +P2p/);
    expect(as1!.output).toMatch(/Fa0\/1 +Desg FWD 19 +128\.1 +P2p Edge/);
    expect(ds1!.output).toContain('This bridge is the root');
    expect(ping!.output).toContain('Reply from 192.168.1.2: bytes=32 time<1ms TTL=255');
  });

  it('rapid-pvst from scratch: S1 is the root, and S3 loses its root port without a lost echo', async () => {
    const lab = JSON.parse(readFileSync('labs/rapid-pvst.json', 'utf8')) as Lab;
    const before = await exec('labs/rapid-pvst.json', 'S3: show spanning-tree vlan 10\n');
    expect(before.steps[0]!.output).toContain('Spanning tree enabled protocol ieee');

    const r = await exec(
      'labs/rapid-pvst.json',
      `${solutionScript(lab)}\nPC1: ping -n 2 192.168.10.12\nS3: show spanning-tree vlan 10\n` +
        'S3: configure terminal\nS3: interface g0/1\nS3: shutdown\nS3: end\nPC1: ping 192.168.10.12\nS3: show spanning-tree vlan 10\n',
    );
    const [first, s3] = r.steps.slice(-8, -6);
    const [ping, after] = r.steps.slice(-2);
    // Every link forwards by agreement as soon as both its ends run rapid PVST+: no 30 s wait.
    expect(first!.output).toContain('Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),');
    expect(s3!.output).toContain('Spanning tree enabled protocol rstp');
    expect(s3!.output).toContain('Priority    24586');
    expect(s3!.output).toMatch(/Gi0\/2 +Altn BLK 4 +128\.26 +P2p/);
    expect(s3!.output).toMatch(/Fa0\/6 +Desg FWD 19 +128\.6 +P2p Edge/);
    expect(ping!.output).toContain('Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),');
    expect(after!.output).toMatch(/Gi0\/2 +Root FWD 4 +128\.26 +P2p/);
  });

  it('rapid-pvst: the root raising its priority hands over to S2 without a storm', async () => {
    // What S1 said of itself as root still goes round the triangle after it changed; taken for
    // good, it would keep every port forwarding for seconds and flood the ping's ARP request.
    const lab = JSON.parse(readFileSync('labs/rapid-pvst.json', 'utf8')) as Lab;
    const r = await exec(
      'labs/rapid-pvst.json',
      `${solutionScript(lab)}\nS1: configure terminal\nS1: spanning-tree vlan 10 priority 61440\nS1: end\n` +
        'PC1: timeout /t 4\nPC1: ping -n 1 192.168.10.99\nS1: show interfaces g0/1\nS2: show spanning-tree vlan 10\n',
    );
    const [s1, s2] = r.steps.slice(-2);
    expect(r.steps.map((s) => s.output).join('\n')).not.toContain('MACFLAP');
    const output = Number(/(\d+) packets output/.exec(s1!.output)![1]);
    expect(output).toBeLessThan(200);
    expect(s2!.output).toContain('This bridge is the root');
  });

  it('multilayer-switch from scratch: DSW1 routes between its SVIs, and the 2960 trunks to it', async () => {
    const lab = JSON.parse(readFileSync('labs/multilayer-switch.json', 'utf8')) as Lab;
    const before = await exec('labs/multilayer-switch.json', 'PC1: ping -n 2 192.168.20.10\n');
    expect(before.steps[0]!.output).not.toContain('Reply from 192.168.20.10');

    const r = await exec(
      'labs/multilayer-switch.json',
      // The ports moved to new VLANs listen and learn for 30 s before they forward.
      `${solutionScript(lab)}\nPC1: timeout /t 30\nPC1: ping 192.168.20.10\nPC2: ping 192.168.30.10\nDSW1: show ip route\nDSW1: show interfaces trunk\n`,
    );
    const refusedFirst = await exec(
      'labs/multilayer-switch.json',
      'DSW1: enable\nDSW1: configure terminal\nDSW1: interface g0/1\nDSW1: switchport mode trunk\n',
    );
    expect(refusedFirst.steps[3]!.output).toContain(
      'Command rejected: An interface whose trunk encapsulation is "Auto" can not be configured to "trunk" mode.',
    );
    const [pc1, pc2, route, trunk] = r.steps.slice(-4);
    // The first echo is lost while DSW1 resolves the destination's MAC address, as on IOS.
    expect(pc1!.output).toContain('Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),');
    expect(pc1!.output).toContain('Reply from 192.168.20.10: bytes=32 time<1ms TTL=127');
    expect(pc2!.output).toContain('Reply from 192.168.30.10: bytes=32 time<1ms TTL=127');
    expect(route!.output).toContain('C        192.168.30.0/24 is directly connected, Vlan30');
    expect(trunk!.output).toMatch(/Gi0\/1 +on +802\.1q +trunking +1/);
  });

  it('routed-uplink from scratch: a routed port and a default route take both VLANs to the web server', async () => {
    const lab = JSON.parse(readFileSync('labs/routed-uplink.json', 'utf8')) as Lab;
    const before = await exec(
      'labs/routed-uplink.json',
      'PC1: ping -n 2 203.0.113.10\nDSW1: enable\nDSW1: configure terminal\nDSW1: interface g0/1\nDSW1: ip address 10.0.0.2 255.255.255.252\n',
    );
    expect(before.steps[0]!.output).not.toContain('Reply from 203.0.113.10');
    // Until it is a routed port, Gi0/1 takes no address.
    expect(before.steps[4]!.output).toContain('% IP addresses may not be configured on L2 links.');

    const r = await exec(
      'labs/routed-uplink.json',
      `${solutionScript(lab)}\nPC1: ping 203.0.113.10\nPC2: ping 203.0.113.10\nDSW1: show interfaces status | include Gi0/1\nDSW1: show vlan internal usage\n`,
    );
    const [pc1, pc2, status, internal] = r.steps.slice(-4);
    // DSW1 resolves R1, then R1 resolves WEB: the first two echoes are lost, as on IOS.
    expect(pc1!.output).toContain('Packets: Sent = 4, Received = 2, Lost = 2 (50% loss),');
    expect(pc1!.output).toContain('Reply from 203.0.113.10: bytes=32 time<1ms TTL=126');
    expect(pc2!.output).toContain('Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),');
    expect(status!.output).toMatch(/^Gi0\/1 +connected +routed +a-full a-1000 10\/100\/1000BaseTX$/m);
    expect(internal!.output).toContain('1006 GigabitEthernet0/1');
  });

  it('ospf-multilayer from scratch: the 3560 and the router exchange routes, and both VLANs reach the web server', async () => {
    const lab = JSON.parse(readFileSync('labs/ospf-multilayer.json', 'utf8')) as Lab;
    const before = await exec(
      'labs/ospf-multilayer.json',
      'PC1: ping -n 2 203.0.113.10\nR1: show ip route ospf\n',
    );
    expect(before.steps[0]!.output).not.toContain('Reply from 203.0.113.10');
    // R1 has no static route: without OSPF on DSW1 it knows no campus network.
    expect(before.steps[1]!.output).not.toContain('192.168.');

    const r = await exec(
      'labs/ospf-multilayer.json',
      // Adjacencies on Ethernet wait 40 s for the election, then SPF 5 s more.
      `${solutionScript(lab)}\nPC1: timeout /t 60\nPC1: ping 203.0.113.10\nPC2: ping 203.0.113.10\nDSW1: show ip ospf neighbor\nDSW1: show ip route ospf\nR1: show ip route ospf\nDSW1: show ip ospf interface brief\n`,
    );
    const [pc1, pc2, neighbors, dswRoutes, r1Routes, brief] = r.steps.slice(-6);
    expect(pc1!.output).toContain('Reply from 203.0.113.10: bytes=32 time<1ms TTL=126');
    expect(pc2!.output).toContain('Reply from 203.0.113.10: bytes=32 time<1ms TTL=126');
    expect(neighbors!.output).toMatch(
      /1\.1\.1\.1 +1 +FULL\/\S+ +00:00:3\d +10\.0\.0\.1 +GigabitEthernet0\/1/,
    );
    expect(dswRoutes!.output).toContain('O     203.0.113.0/24 [110/2] via 10.0.0.1');
    expect(r1Routes!.output).toContain('O     192.168.10.0/24 [110/2] via 10.0.0.2');
    expect(r1Routes!.output).toContain('O     192.168.20.0/24 [110/2] via 10.0.0.2');
    // The SVIs are passive: no neighbour on them, and each costs 1 (1 Gbit/s).
    expect(brief!.output).toMatch(/^Vl10 +1 +0 +192\.168\.10\.1\/24 +1 +DR +0\/0$/m);
  });
});
