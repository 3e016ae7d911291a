/**
 * The IP options extended ping and traceroute ask for ("Loose, Strict, Record, Timestamp,
 * Verbose[none]:"), read as IOS reads the answer: one of the words, or any leading part of it;
 * anything else is refused with `% No such option - "TEXT"` (a capture of "Timestamp,
 * Verbose" typed at the prompt) and asked again.
 */
const IP_OPTIONS = ['loose', 'strict', 'record', 'timestamp', 'verbose', 'none'] as const;

export type IpOption = (typeof IP_OPTIONS)[number];

export const IP_OPTIONS_PROMPT = 'Loose, Strict, Record, Timestamp, Verbose[none]: ';

/** The option `text` names ('none' for an empty answer), or undefined when it names none. */
export function ipOptionOf(text: string): IpOption | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return 'none';
  return IP_OPTIONS.find((o) => o.startsWith(t));
}

export const noSuchOption = (text: string): string => `% No such option - "${text.trim()}"`;
