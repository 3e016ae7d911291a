/**
 * Every lab's solution, typed through `trame exec` from the lab's starting network, configures
 * the devices from scratch; for the router-on-a-stick lab the PCs then ping each other.
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
      `${solutionScript(lab)}\nPC1: ping 192.168.20.10\nPC2: ping 192.168.10.10\nR1: show ip interface brief\n`,
    );
    const [pc1, pc2, brief] = r.steps.slice(-3);
    // The first echo is lost while R1 resolves the destination's MAC address, as on IOS.
    expect(pc1!.output).toContain('Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),');
    expect(pc2!.output).toContain('Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),');
    expect(pc2!.output).toContain('Reply from 192.168.10.10: bytes=32 time<1ms TTL=127');
    expect(brief!.output).toMatch(/GigabitEthernet0\/0\.10 +192\.168\.10\.1 +YES manual up +up/);
  });
});
