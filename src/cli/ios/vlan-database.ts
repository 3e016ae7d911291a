/**
 * vlan.dat, a Catalyst switch's VLAN database in flash (Catalyst 2960 configuration guide,
 * "Configuring VLANs": VLANs 1 to 1005 are written to vlan.dat, and also to the running
 * configuration in VTP transparent mode, which is how Trame shows them).
 *
 * The switch rewrites the file at every VLAN change, so while it exists it holds the running
 * VLANs. It is no part of the startup-config: `erase startup-config` and `reload` bring the
 * VLANs back from it, which is why lab set-ups begin with `delete vlan.dat`. Deleting it
 * changes nothing until the next reload, or until a VLAN change writes it again.
 */
import type { VlanConfig } from '../../shared/config.ts';

/** What a 2960 shows for its vlan.dat, whatever it holds. */
export const VLAN_DAT_BYTES = 616;

/** What vlan.dat holds, and when it was written (ms since 1970, as the switch's clock read). */
export interface VlanFile {
  readonly vlans: readonly VlanConfig[];
  readonly at: number;
}

const sameVlans = (a: readonly VlanConfig[], b: readonly VlanConfig[]): boolean =>
  a.length === b.length && a.every((v, k) => v.id === b[k]!.id && v.name === b[k]!.name);

/** Only the factory VLAN 1, unnamed: a switch that never had a VLAN change has no vlan.dat. */
const isFactory = (vlans: readonly VlanConfig[]): boolean =>
  vlans.length === 1 && vlans[0]!.id === 1 && vlans[0]!.name === undefined;

export class VlanDatabase {
  /** The VLANs last written, or, while there is no file, the VLANs when it went. */
  private vlans: readonly VlanConfig[] = [];
  private present = false;
  /** When the file was last written, as the switch's clock read then (ms since 1970). */
  private at = 0;

  /** The switch booted with `vlans` at time `at`. */
  constructor(vlans: readonly VlanConfig[], at: number) {
    this.boot(vlans, at);
  }

  /**
   * The switch booted with `vlans` at time `at`, having had the file `before` (undefined: none).
   * A file that holds them already keeps its date; otherwise the boot writes them, unless
   * there was no file and they are the factory's.
   */
  boot(vlans: readonly VlanConfig[], at: number, before?: VlanFile): void {
    this.vlans = vlans;
    const kept = before !== undefined && sameVlans(vlans, before.vlans);
    this.present = before !== undefined || !isFactory(vlans);
    this.at = kept ? before.at : at;
  }

  /** The running VLANs are `vlans` at time `at`: a change writes the file (again). */
  sync(vlans: readonly VlanConfig[], at: number): void {
    if (vlans === this.vlans || sameVlans(vlans, this.vlans)) return;
    this.vlans = vlans;
    this.present = true;
    this.at = at;
  }

  /** The file as it is with the running VLANs `vlans` at time `at`; undefined when there is none. */
  file(vlans: readonly VlanConfig[], at: number): VlanFile | undefined {
    this.sync(vlans, at);
    return this.present ? { vlans: this.vlans, at: this.at } : undefined;
  }

  /** `delete vlan.dat`, the running VLANs being `vlans` at time `at`. */
  delete(vlans: readonly VlanConfig[], at: number): void {
    this.sync(vlans, at);
    this.present = false;
  }
}
