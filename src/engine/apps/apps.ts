/** The ping, traceroute and DNS lookup runs of one device, so they can be stopped when it goes away. */

import type { Ipv4Addr } from '../../shared/ipv4.ts';
import type { Ipv6Addr } from '../../shared/ipv6.ts';
import type {
  DnsLookupJob,
  DnsLookupRequest,
  Ping6Job,
  Ping6Options,
  PingJob,
  PingOptions,
  TracerouteJob,
  TracerouteOptions,
} from '../api.ts';
import type { DnsCache } from '../device/dns-cache.ts';
import type { IpStack } from '../device/ip-stack.ts';
import type { Ipv6Stack } from '../device/ipv6-stack.ts';
import type { L3Interface } from '../device/l3-interface.ts';
import { DnsLookupApp } from './dns-lookup.ts';
import { PingApp } from './ping.ts';
import { Ping6App } from './ping6.ts';
import { TracerouteApp } from './traceroute.ts';

export class Apps {
  private readonly running = new Set<PingApp | Ping6App | TracerouteApp | DnsLookupApp>();

  ping(stack: IpStack, target: number, options: PingOptions): PingJob {
    const app = new PingApp(stack, target as Ipv4Addr, options);
    this.track(app);
    return app.job;
  }

  /** A ping over IPv6 from `v6`, `stack`'s IPv6 side. */
  ping6(
    stack: IpStack,
    v6: Ipv6Stack,
    target: Ipv6Addr,
    options: Ping6Options,
    via: L3Interface | undefined,
  ): Ping6Job {
    const app = new Ping6App(
      {
        stack: v6,
        sched: stack.sched,
        randomInt: (n) => stack.randomInt(n),
        nextEchoSequence: () => stack.nextEchoSequence(),
      },
      target,
      options,
      via,
    );
    this.track(app);
    return app.job;
  }

  traceroute(stack: IpStack, target: number, options: TracerouteOptions): TracerouteJob {
    const app = new TracerouteApp(stack, target as Ipv4Addr, options);
    this.track(app);
    return app.job;
  }

  dnsLookup(stack: IpStack, request: DnsLookupRequest, cache: DnsCache | null): DnsLookupJob {
    const app = new DnsLookupApp(stack, request, request.app === 'resolver' ? cache : null);
    this.track(app);
    return app.job;
  }

  stopAll(): void {
    for (const app of this.running) app.stop();
    this.running.clear();
  }

  private track(app: PingApp | Ping6App | TracerouteApp | DnsLookupApp): void {
    for (const a of this.running) if (a.job.done) this.running.delete(a);
    this.running.add(app);
    app.start();
  }
}
