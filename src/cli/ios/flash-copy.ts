/**
 * Configurations in flash: `copy running-config|startup-config flash:[FILE]`, `copy
 * flash:[FILE] running-config|startup-config` and `more flash:FILE`, as the CCNA labs on
 * managing configuration files use them. The prompts, messages and layout are IOS 15's on real
 * ISRs and Catalysts: no "Building configuration..." when the destination is flash, "[OK]"
 * before the byte count when it is the startup-config, and a blank line after the byte count
 * on a router but not on a switch. On a 2960, flash:config.text is the startup-config itself.
 */
import { mergeConfigText } from '../config-text.ts';
import type { ArgType, MatchResult } from '../parser/tree.ts';
import { byWhom, confirmed } from './common.ts';
import { withHeader } from './config-header.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { fileOf } from './file-commands.ts';
import { flashFiles, flashName, flashNames, nextFileIndex } from './flash.ts';
import { renderRunningConfig } from './running-config.ts';
import { byteLength } from './show/format.ts';

/**
 * Bytes per second, of the order real devices report: a 1941 writes flash at about 4,000
 * (an 881 on 15.4: 5587 bytes in 1.316 s) and reads a configuration from it at about 7,000
 * (5024 bytes in 0.736 s), a 2960 at about 400 (2824 bytes in 6.982 s, 1767 in 5.545 s);
 * the startup-config is written at about 2,000 (5248 bytes in 2.668 s).
 */
const RATE = {
  router: { write: 4000, read: 7000, startup: 2000 },
  switch: { write: 400, read: 320, startup: 400 },
} as const;

/** IOS's line after a copy, for `bytes` at `rate` bytes per second (4 ms at least). */
export function bytesCopied(bytes: number, rate: number): string {
  const secs = Math.max(0.004, Math.round((bytes / rate) * 1000) / 1000);
  return `${bytes} bytes copied in ${secs.toFixed(3)} secs (${Math.floor(bytes / secs)} bytes/sec)`;
}

function copied(env: IosEnv, bytes: number, rate: number): void {
  env.print(bytesCopied(bytes, rate));
  if (env.kind === 'router') env.print('');
}

/** A flash URL as `copy` and `more` take it (`flash:`, `flash:NAME`, `flash0:/NAME`): the file, '' for none. */
const flashUrl = (help: (fs: string) => string): ArgType<IosEnv> => ({
  help: (_h, env) => flashNames(env.kind).map((word) => ({ word, help: help(word) })),
  match: (t, i, _line, env): MatchResult => {
    const text = t[i]!.text;
    const colon = text.indexOf(':');
    if (colon < 0 || !flashNames(env.kind).includes(text.slice(0, colon + 1).toLowerCase()))
      return { kind: 'none', at: 0 };
    return { kind: 'match', consumed: 1, value: fileOf(text) };
  },
});

const path = (env: IosEnv, file: string) => `${flashName(env)}/${file}`;

/** A configuration file's text, or undefined (with IOS's error) when flash holds no such file. */
function readFile(env: IosEnv, file: string): string | undefined {
  const text =
    env.runtime!.files.get(file)?.text ??
    (env.kind === 'switch' && file === 'config.text' ? env.device!.startupConfig() : undefined);
  if (text === undefined) {
    env.error(
      flashFiles(env).some((f) => f.name === file)
        ? notConfiguration(env, file)
        : `%Error opening ${path(env, file)} (No such file or directory)`,
    );
  }
  return text;
}

/** The IOS image and vlan.dat: Trame neither shows nor copies what is not a configuration. */
const notConfiguration = (env: IosEnv, file: string) =>
  `% ${path(env, file)} is not a configuration file: Trame keeps it as it is.`;

/** Writes `text` to flash as `file`, asking first when a file has that name. */
function writeFile(env: IosEnv, file: string, text: string): void {
  const rt = env.runtime!;
  const bytes = byteLength(text);
  if (env.kind === 'switch' && file === 'config.text') {
    env.device!.setStartupConfig(text);
    rt.saved();
    copied(env, bytes, RATE.switch.write);
    return;
  }
  const existing = rt.files.get(file);
  if (existing === undefined && flashFiles(env).some((f) => f.name === file)) {
    env.error(notConfiguration(env, file));
    return;
  }
  const store = (e: IosEnv) => {
    rt.files.set(file, { index: existing?.index ?? nextFileIndex(e), text, at: rt.clock.wallMs() });
    copied(e, bytes, RATE[e.kind].write);
  };
  if (existing === undefined) {
    store(env);
    return;
  }
  env.print('%Warning:There is a file already existing with this name');
  env.ask({
    prompt: 'Do you want to over write? [confirm]',
    answer: (e, yes) => {
      if (confirmed(yes)) store(e);
    },
  });
}

/** Asks for the file's name, offering `fallback` in brackets, then hands it to `next`. */
function askName(
  env: IosEnv,
  prompt: string,
  fallback: string,
  next: (e: IosEnv, name: string) => void,
): void {
  env.ask({
    prompt: `${prompt} [${fallback}]? `,
    answer: (e, text) => {
      const name = fileOf(text.trim());
      next(e, name === '' ? fallback : name);
    },
  });
}

/** `copy running-config|startup-config flash:[FILE]`. */
function toFlash(source: 'running-config' | 'startup-config'): IosNode {
  return arg(
    'to',
    flashUrl((fs) => `Copy to ${fs} file system`),
    '',
    run((env, a) => {
      const typed = a.need<string>('to');
      const text =
        source === 'running-config'
          ? withHeader(renderRunningConfig(env.kind, env.config()), env.runtime)
          : env.device!.startupConfig();
      if (text === undefined) {
        env.error('%Error opening nvram:/startup-config (No such file or directory)');
        return;
      }
      askName(env, 'Destination filename', typed === '' ? source : typed, (e, name) =>
        writeFile(e, name, text),
      );
    }),
  );
}

/** `copy flash:[FILE] running-config|startup-config`. */
function fromFlash(): IosNode {
  const onto = (dest: 'running-config' | 'startup-config') =>
    run((env, a) => {
      const go = (e: IosEnv, file: string) =>
        askName(e, 'Destination filename', dest, (e2) => {
          const text = readFile(e2, file);
          if (text === undefined) return;
          const bytes = byteLength(text);
          if (dest === 'startup-config') {
            e2.device!.setStartupConfig(text);
            e2.runtime!.saved();
            e2.print('[OK]');
            copied(e2, bytes, RATE[e2.kind].startup);
            return;
          }
          e2.setConfig(mergeConfigText(e2.platform, e2.config(), text).config);
          copied(e2, bytes, RATE[e2.kind].read);
          e2.log(`%SYS-5-CONFIG_I: Configured from ${flashName(e2)}${file} by ${byWhom(e2)}`);
        });
      const typed = a.need<string>('from');
      if (typed !== '') {
        go(env, typed);
        return;
      }
      env.ask({
        prompt: 'Source filename []? ',
        answer: (e, text) => {
          const file = fileOf(text.trim());
          if (readFile(e, file) !== undefined) go(e, file);
        },
      });
    });
  return arg(
    'from',
    flashUrl((fs) => `Copy from ${fs} file system`),
    '',
    kw('running-config', 'Update (merge with) current system configuration', onto('running-config')),
    kw('startup-config', 'Copy to startup configuration', onto('startup-config')),
  );
}

/** The flash branches of `copy`, from each of its sources. */
export const flashCopyNodes = {
  fromRunning: () => toFlash('running-config'),
  fromStartup: () => toFlash('startup-config'),
  fromFlash,
};

/** `more flash:FILE`: the file's text as it is. */
export const moreNode = (): IosNode =>
  kw(
    'more',
    'Display the contents of a file',
    arg(
      'file',
      flashUrl(() => 'File to display'),
      'File to display',
      run((env, a) => {
        const text = readFile(env, a.need<string>('file'));
        if (text !== undefined) env.print(...text.replace(/\n$/, '').split('\n'));
      }),
    ),
  );
