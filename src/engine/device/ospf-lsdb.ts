/**
 * An OSPF link-state database (RFC 2328 12, 13.1-13.2): LSAs by (type, link state ID,
 * advertising router), each with the virtual time it was installed, from which its age runs.
 */
import { type Lsa, type LsaHeader, LSA_MAX_AGE as MAX_AGE } from '../wire/ospf-lsa.ts';

export { MAX_AGE };
/** RFC 2328 Appendix B, seconds. */
export const LS_REFRESH_TIME = 1800;
export const MIN_LS_INTERVAL = 5;

export interface LsaEntry {
  lsa: Lsa;
  /** Virtual time (us) it was installed, its header's age counting from there. */
  installedAt: number;
}

export const lsaKey = (type: number, id: number, advRouter: number): string =>
  `${type}:${id >>> 0}:${advRouter >>> 0}`;

export const headerKey = (h: LsaHeader): string => lsaKey(h.type, h.id, h.advRouter);

/** An entry's age now, in whole seconds, at most MaxAge. */
export function ageOf(e: LsaEntry, now: number): number {
  const age = e.lsa.header.age + Math.floor((now - e.installedAt) / 1e6);
  return Math.min(age, MAX_AGE);
}

/** `lsa`'s header with the age it has now, as sent in DBDs and LSUs (RFC 2328 13.3: InfTransDelay 1 s added by the sender). */
export function agedHeader(e: LsaEntry, now: number, transit = 0): LsaHeader {
  const h = e.lsa.header;
  return { ...h, age: Math.min(ageOf(e, now) + transit, MAX_AGE) };
}

export function agedLsa(e: LsaEntry, now: number, transit = 0): Lsa {
  return { header: agedHeader(e, now, transit), body: e.lsa.body };
}

export class Lsdb {
  readonly entries = new Map<string, LsaEntry>();

  get(key: string): LsaEntry | undefined {
    return this.entries.get(key);
  }

  install(lsa: Lsa, now: number): LsaEntry {
    const e = { lsa, installedAt: now };
    this.entries.set(headerKey(lsa.header), e);
    return e;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Its LSAs in IOS's order for `show ip ospf database`: type, then link state ID, then router. */
  sorted(): LsaEntry[] {
    return [...this.entries.values()].sort(
      (a, b) =>
        a.lsa.header.type - b.lsa.header.type ||
        (a.lsa.header.id >>> 0) - (b.lsa.header.id >>> 0) ||
        (a.lsa.header.advRouter >>> 0) - (b.lsa.header.advRouter >>> 0),
    );
  }
}
