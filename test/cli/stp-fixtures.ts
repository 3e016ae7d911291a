/** Hand-built spanning tree status for the show formatters' tests. */
import type { StpInstanceStatus, StpPortStatus } from '../../src/engine/api.ts';
import { type MacAddr, macFromNumber } from '../../src/shared/mac.ts';
import type { Micros } from '../../src/shared/time.ts';

export const mac = (n: number): MacAddr => macFromNumber(n);

/**
 * A designated forwarding port at the defaults (cost 19, priority 128), numbered by its last
 * digits unless `over` says otherwise, on a segment whose designated bridge is address 0.
 */
export function stpPort(name: string, over: Partial<StpPortStatus> = {}): StpPortStatus {
  const number = over.number ?? Number(name.split('/').pop());
  return {
    port: name,
    role: 'designated',
    state: 'forwarding',
    cost: 19,
    priority: 128,
    number,
    edge: false,
    bpduguard: false,
    bpdufilter: false,
    rootGuard: false,
    loopGuard: false,
    designatedRootPriority: 32769,
    designatedRootMac: mac(0),
    designatedCost: 0,
    designatedBridgePriority: 32769,
    designatedBridgeMac: mac(0),
    designatedPort: number,
    bpdusSent: 0,
    bpdusReceived: 0,
    messageAgeTimer: 0,
    forwardDelayTimer: 0,
    forwardTransitions: 1,
    ...over,
  };
}

/** VLAN 1's instance on a bridge at the default priority and timers. */
export function stpInstance(
  over: Partial<StpInstanceStatus> & Pick<StpInstanceStatus, 'bridgeMac' | 'rootMac'>,
): StpInstanceStatus {
  return {
    vlan: 1,
    protocol: 'ieee',
    rootPriority: 32769,
    rootCost: 0,
    helloTime: 2,
    maxAge: 20,
    forwardDelay: 15,
    bridgePriority: 32768,
    bridgeId: 32769,
    bridgeHelloTime: 2,
    bridgeMaxAge: 20,
    bridgeForwardDelay: 15,
    agingTime: 300,
    topologyChange: false,
    topologyChangeDetected: false,
    topologyChanges: 0,
    startedAt: 0 as Micros,
    helloTimer: 0,
    topologyChangeTimer: 0,
    notificationTimer: 0,
    ports: [],
    ...over,
  };
}
