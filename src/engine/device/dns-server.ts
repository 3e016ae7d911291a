/**
 * A server's DNS service (RFC 1034 4.3.2, RFC 1035 4.1), authoritative for the records it is
 * given, as Packet Tracer's Services > DNS page or a Windows Server zone answers, without
 * recursion:
 * - a name with records of the type asked gets them (AA set); a name that is an alias (CNAME)
 *   gets the CNAME, then what its target has of the type, following aliases among its own
 *   records (at most 8);
 * - a name it has with nothing of that type gets an empty answer (NOERROR); one it does not
 *   have, NXDOMAIN;
 * - a message it cannot read, or with other than one question, FORMERR; an opcode other than
 *   QUERY, NOTIMP; another class than IN, REFUSED.
 * Answers leave from the address the query was sent to (its interface's for a broadcast), to
 * the port it came from, with the query's identifier, question and RD bit.
 */
import type { DnsRecordConfig } from '../../shared/config.ts';
import type { DnsMessage, DnsRecord } from '../wire/dns.ts';
import {
  DNS_CLASS_IN,
  DNS_PORT,
  DNS_TYPE_A,
  DNS_TYPE_CNAME,
  decodeDns,
  encodeDns,
  RCODE_FORMERR,
  RCODE_NOERROR,
  RCODE_NOTIMP,
  RCODE_NXDOMAIN,
  RCODE_REFUSED,
  sameName,
} from '../wire/dns.ts';
import type { Ipv4Packet } from '../wire/ipv4.ts';
import type { UdpDatagram } from '../wire/udp.ts';
import type { IpStack, UdpListener } from './ip-stack.ts';
import type { L3Interface } from './l3-interface.ts';

/** The TTL its answers carry: a Windows Server zone's default (one hour). */
export const DNS_SERVER_TTL = 3600;
const MAX_ALIASES = 8;
const OPCODE_QUERY = 0;
/** What a DNS message over UDP may hold at most without EDNS (RFC 1035 4.2.1). */
const UDP_LIMIT = 512;

export class DnsServer implements UdpListener {
  readonly unaddressed = false;
  private records: readonly DnsRecordConfig[] = [];

  constructor(private readonly stack: IpStack) {}

  configure(records: readonly DnsRecordConfig[]): void {
    this.records = records;
  }

  onUdp(iface: L3Interface, pkt: Ipv4Packet, d: UdpDatagram): void {
    const decoded = decodeDns(d.data);
    // A reply, or bytes too short to hold an identifier, gets nothing.
    if (d.data.length < 12 || (decoded.ok && decoded.value.response)) return;
    const answer = decoded.ok ? this.answer(decoded.value) : formatError(d.data);
    let data = encodeDns(answer);
    if (data.length > UDP_LIMIT) data = encodeDns({ ...answer, truncated: true, answers: [] });
    const from = pkt.dst === 0xffff_ffff || pkt.dst === iface.bcast ? iface.ip?.addr : pkt.dst;
    if (from === undefined) return;
    this.stack.sendUdp(pkt.src, DNS_PORT, d.srcPort, this.stack.profile.ttl, data, from);
  }

  private answer(q: DnsMessage): DnsMessage {
    const reply = (rcode: number, answers: readonly DnsRecord[] = [], authoritative = false): DnsMessage => ({
      id: q.id,
      response: true,
      opcode: q.opcode,
      authoritative,
      truncated: false,
      recursionDesired: q.recursionDesired,
      recursionAvailable: false,
      z: 0,
      rcode,
      questions: q.questions,
      answers,
      authority: [],
      additional: [],
    });
    if (q.opcode !== OPCODE_QUERY) return reply(RCODE_NOTIMP);
    const question = q.questions[0];
    if (question === undefined || q.questions.length !== 1) return reply(RCODE_FORMERR);
    if (question.class !== DNS_CLASS_IN) return reply(RCODE_REFUSED);
    const answers: DnsRecord[] = [];
    let name = question.name;
    for (let hops = 0; hops <= MAX_ALIASES; hops++) {
      // An alias leading back to a name already answered for: the chain is given once.
      if (hops > 0 && answers.some((a) => sameName(a.name, name))) break;
      const own = this.records.filter((r) => sameName(r.name, name));
      if (own.length === 0) return reply(hops === 0 ? RCODE_NXDOMAIN : RCODE_NOERROR, answers, true);
      const alias = own.find((r) => r.type === 'CNAME');
      if (alias === undefined || question.type === DNS_TYPE_CNAME) {
        for (const r of own) if (typeOf(r) === question.type) answers.push(record(name, r));
        return reply(RCODE_NOERROR, answers, true);
      }
      answers.push(record(name, alias));
      name = alias.type === 'CNAME' ? alias.target : name;
    }
    return reply(RCODE_NOERROR, answers, true);
  }
}

const typeOf = (r: DnsRecordConfig): number => (r.type === 'A' ? DNS_TYPE_A : DNS_TYPE_CNAME);

/** A record as it goes in an answer: under the name as asked (its case kept), class IN. */
function record(name: string, r: DnsRecordConfig): DnsRecord {
  return {
    name,
    type: typeOf(r),
    class: DNS_CLASS_IN,
    ttl: DNS_SERVER_TTL,
    data: r.type === 'A' ? { kind: 'a', address: r.address } : { kind: 'name', name: r.target },
  };
}

/** FORMERR to a message it cannot read: its header's identifier and opcode, no question (RFC 1035 4.1.1). */
function formatError(bytes: Uint8Array): DnsMessage {
  return {
    id: (bytes[0]! << 8) | bytes[1]!,
    response: true,
    opcode: (bytes[2]! >> 3) & 0xf,
    authoritative: false,
    truncated: false,
    recursionDesired: (bytes[2]! & 1) === 1,
    recursionAvailable: false,
    z: 0,
    rcode: RCODE_FORMERR,
    questions: [],
    answers: [],
    authority: [],
    additional: [],
  };
}
