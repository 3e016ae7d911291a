/**
 * The Telnet protocol as both ends of a Trame session speak it: RFC 854 (the network virtual
 * terminal, IAC commands and option negotiation), RFC 857 (ECHO) and RFC 858 (SUPPRESS-GO-AHEAD).
 *
 * Text travels as UTF-8 with each line end as CR LF (a byte 255 received is read as data). Option
 * negotiation follows RFC 854's rules against loops: a side answers a request that would
 * change an option's state (agreeing or refusing), ignores one for the state already in force,
 * and never acknowledges the answer to its own request. Commands other than negotiation and
 * subnegotiation (IP, AYT, BRK...) are read and dropped.
 */

export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const SE = 240;

export const OPT_ECHO = 1;
export const OPT_SGA = 3;
export const OPT_TTYPE = 24;
export const OPT_NAWS = 31;

/** Ctrl+^ (Ctrl+Shift+6 on most keyboards): IOS's escape, which breaks off ping or traceroute. */
export const ESCAPE = '\x1e';

/** How a server that echoes shows a line it read: Ctrl+Z (\x1a) last as "^Z", as IOS does. */
export const echoOf = (line: string): string => (line.endsWith('\x1a') ? `${line.slice(0, -1)}^Z` : line);

/**
 * The bytes of `text` on the wire, "\n" as CR LF. UTF-8 never produces a byte 255, so no data
 * byte needs doubling as IAC IAC.
 */
export const encodeText = (text: string): Uint8Array =>
  new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'));

/** A negotiation command: IAC WILL|WONT|DO|DONT option. */
export const command = (verb: number, option: number): Uint8Array => new Uint8Array([IAC, verb, option]);

/** Which options a side agrees to: `local` it performs itself (asked by DO), `remote` by the peer (WILL). */
export interface OptionPolicy {
  readonly local: ReadonlySet<number>;
  readonly remote: ReadonlySet<number>;
}

enum Parse {
  Data,
  Iac,
  Verb,
  Sub,
  SubIac,
  Cr,
}

/**
 * Reads one direction of a Telnet connection: the text it carries, with commands taken out
 * and the answers option negotiation calls for. Input may stop anywhere, even inside a
 * command or between CR and LF: the rest comes with the next bytes.
 */
export class TelnetReader {
  private state = Parse.Data;
  private verb = 0;
  /** Options on, as far as this side knows: its own (local) and the peer's (remote). */
  private readonly localOn = new Set<number>();
  private readonly remoteOn = new Set<number>();
  /** Options this side asked for and awaits the answer to. */
  private readonly asked = new Set<string>();
  private bytes: number[] = [];
  private readonly decoder = new TextDecoder();

  constructor(private readonly policy: OptionPolicy) {}

  /** Records a request this side sends (WILL or DO), so the peer's agreement is not answered. */
  request(verb: typeof WILL | typeof DO, option: number): Uint8Array {
    this.asked.add(`${verb}:${option}`);
    if (verb === WILL) this.localOn.add(option);
    else this.remoteOn.add(option);
    return command(verb, option);
  }

  /** The text in `data` ("\n" for each line end) and what to send back. */
  read(data: Uint8Array): { readonly text: string; readonly reply: Uint8Array } {
    const reply: number[] = [];
    this.bytes = [];
    for (const b of data) this.step(b, reply);
    const text = this.decoder.decode(new Uint8Array(this.bytes), { stream: true });
    return { text, reply: new Uint8Array(reply) };
  }

  private step(b: number, reply: number[]): void {
    switch (this.state) {
      case Parse.Cr:
        // CR LF and CR NUL both end a line (RFC 854); a CR before anything else does too.
        this.state = Parse.Data;
        this.bytes.push(10);
        if (b === 10 || b === 0) return;
        this.step(b, reply);
        return;
      case Parse.Data:
        if (b === IAC) this.state = Parse.Iac;
        else if (b === 13) this.state = Parse.Cr;
        else this.bytes.push(b);
        return;
      case Parse.Iac:
        if (b === IAC) {
          this.bytes.push(IAC);
          this.state = Parse.Data;
        } else if (b >= WILL && b <= DONT) {
          this.verb = b;
          this.state = Parse.Verb;
        } else this.state = b === SB ? Parse.Sub : Parse.Data;
        return;
      case Parse.Verb:
        this.negotiate(this.verb, b, reply);
        this.state = Parse.Data;
        return;
      case Parse.Sub:
        if (b === IAC) this.state = Parse.SubIac;
        return;
      case Parse.SubIac:
        this.state = b === SE ? Parse.Data : Parse.Sub;
        return;
    }
  }

  private negotiate(verb: number, option: number, reply: number[]): void {
    const answer = (v: number) => reply.push(IAC, v, option);
    const mine = verb === DO || verb === DONT;
    const on = mine ? this.localOn : this.remoteOn;
    const accepts = (mine ? this.policy.local : this.policy.remote).has(option);
    const wanted = verb === WILL || verb === DO;
    // The answer to this side's own request: the option is now as the peer said, unanswered.
    const request = `${mine ? WILL : DO}:${option}`;
    if (this.asked.delete(request)) {
      if (wanted) on.add(option);
      else on.delete(option);
      return;
    }
    if (wanted) {
      if (on.has(option)) return;
      if (accepts) on.add(option);
      answer(mine ? (accepts ? WILL : WONT) : accepts ? DO : DONT);
    } else if (on.delete(option)) answer(mine ? WONT : DONT);
  }
}
