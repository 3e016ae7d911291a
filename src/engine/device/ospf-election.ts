/**
 * The designated router election of a broadcast network (RFC 2328 9.4): the BDR first, among
 * the routers not declaring themselves DR (those declaring themselves BDR preferred), then the
 * DR among those declaring themselves DR, else the new BDR; highest priority, then highest
 * router ID. A router whose own role changed runs the steps again with its new declaration.
 * Routers of priority 0 are not candidates. A DR is never displaced by a better router that
 * comes later, since that router finds the DR already declaring itself.
 */

/** A router on the network as its hellos declare it (addresses are interface addresses). */
export interface Candidate {
  readonly rid: number;
  readonly addr: number;
  readonly priority: number;
  dr: number;
  bdr: number;
}

function best(list: readonly Candidate[]): Candidate | undefined {
  let b: Candidate | undefined;
  for (const c of list)
    if (
      b === undefined ||
      c.priority > b.priority ||
      (c.priority === b.priority && c.rid >>> 0 > b.rid >>> 0)
    )
      b = c;
  return b;
}

function pick(cands: readonly Candidate[]): [number, number] {
  const notDr = cands.filter((c) => c.dr !== c.addr);
  const declaredBdr = notDr.filter((c) => c.bdr === c.addr);
  const bdr = best(declaredBdr.length > 0 ? declaredBdr : notDr)?.addr ?? 0;
  const declaredDr = cands.filter((c) => c.dr === c.addr);
  const dr = declaredDr.length > 0 ? best(declaredDr)!.addr : bdr;
  return [dr, bdr];
}

/** The DR and BDR (addresses, 0 for none) that `self` computes with `others` (both candidates). */
export function electDesignated(self: Candidate, others: readonly Candidate[]): [number, number] {
  const cands = self.priority > 0 ? [self, ...others] : [...others];
  const me = self.addr;
  let [dr, bdr] = pick(cands);
  if ((dr === me) !== (self.dr === me) || (bdr === me) !== (self.bdr === me)) {
    self.dr = dr;
    self.bdr = bdr;
    [dr, bdr] = pick(cands);
  }
  if (dr === bdr && dr !== me) bdr = 0;
  return [dr, bdr];
}
