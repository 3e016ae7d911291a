/**
 * `trame`: the headless command line for instructors, CI and tests.
 * Each subcommand lives in bin/commands/<name>.ts and returns an exit code.
 */
import { EXEC_USAGE, runExec } from './commands/exec.ts';
import { PCAP_USAGE, runPcap } from './commands/pcap.ts';
import { runValidate } from './commands/validate.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

interface Subcommand {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: Io): Promise<number>;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  validate: {
    summary:
      'check network files (and the network of lab files): structure, cabling, addresses, configuration',
    usage: 'trame validate FILE...',
    run: runValidate,
  },
  exec: {
    summary: 'run DEVICE: command lines on a network and print the console output',
    usage: EXEC_USAGE,
    run: runExec,
  },
  pcap: {
    summary: 'run a console script and capture every frame to a pcap file',
    usage: PCAP_USAGE,
    run: runPcap,
  },
};

export const HELP = `trame — headless tools for Trame network labs

Usage:
${Object.values(SUBCOMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}
  trame --help
      show this help

Exit status: 0 success, 1 a file or a check failed, 2 bad usage.
`;

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const cmd = SUBCOMMANDS[name];
  if (!cmd) {
    io.err(`trame: unknown command '${name}'. Run 'trame --help' for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${cmd.usage}\n\n${cmd.summary}\n`);
    return 0;
  }
  return cmd.run(rest, io);
}
