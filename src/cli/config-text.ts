/**
 * IOS configuration text <-> DeviceConfig. Reading feeds every line through the same
 * configuration-mode command trees a student types into, so both paths accept exactly
 * the same commands and `renderRunningConfig` output always reads back to itself.
 */
import { type DeviceConfig, defaultDeviceConfig, type LineConfig } from '../shared/config.ts';
import { formatInterfaceName, parseInterfaceName } from '../shared/ports.ts';
import { FACTORY_HOSTNAME, type IosPlatform, platformKind } from './ios/config-edit.ts';
import { MAX_VTY, NEW_VTY } from './ios/line-commands.ts';
import { IosShell } from './ios/shell.ts';

export { renderRunningConfig } from './ios/running-config.ts';

export interface ConfigProblem {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedConfig {
  readonly config: DeviceConfig;
  readonly problems: readonly ConfigProblem[];
}

/** Canonical names of the interfaces a configuration text has an `interface` section for. */
export function interfacesNamed(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^interface\s+(\S+(?:\s+\S+)?)\s*$/gim)) {
    const n = parseInterfaceName(m[1]!);
    if (n) out.add(formatInterfaceName(n));
  }
  return out;
}

/**
 * The state a configuration is read onto: as when IOS boots from a startup-config, a
 * section starts from the parser's defaults, which is what the text leaves unsaid: an
 * interface the text lists is enabled unless it says `shutdown`, a line it lists has no
 * `login` unless it says so. What the text does not mention keeps its factory state.
 */
function bootBase(base: DeviceConfig, text: string): DeviceConfig {
  const interfaces = { ...base.interfaces };
  for (const name of interfacesNamed(text)) {
    const cur = interfaces[name];
    if (cur?.shutdown) interfaces[name] = { ...cur, shutdown: false };
  }
  const lineVty = vtyBase(base.lineVty, text);
  const lineConsole = /^line\s+con/im.test(text) ? { ...base.lineConsole, login: false } : base.lineConsole;
  return { ...base, interfaces, lineVty, lineConsole };
}

/** The vty lines a text names start without `login`, made first if they do not exist. */
function vtyBase(lines: readonly LineConfig[], text: string): readonly LineConfig[] {
  const named = [...text.matchAll(/^line\s+vty\s+(\d+)(?:\s+(\d+))?/gim)].map((m) => {
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    return [Math.min(a, b), Math.min(MAX_VTY, Math.max(a, b))] as const;
  });
  const length = Math.max(lines.length, ...named.map(([, last]) => last + 1));
  return Array.from({ length }, (_, n) =>
    named.some(([a, b]) => n >= a && n <= b) ? { ...lines[n], login: false } : (lines[n] ?? NEW_VTY),
  );
}

/** Applies configuration text on top of `base`, line by line, in global configuration mode. */
export function applyConfigText(platform: IosPlatform, base: DeviceConfig, text: string): ParsedConfig {
  return runConfigText(platform, bootBase(base, text), text);
}

/**
 * `copy startup-config running-config`: the text's lines run on the current configuration,
 * which keeps everything they do not mention (a shut interface stays shut).
 */
export const mergeConfigText = (platform: IosPlatform, running: DeviceConfig, text: string): ParsedConfig =>
  runConfigText(platform, running, text);

function runConfigText(platform: IosPlatform, start: DeviceConfig, text: string): ParsedConfig {
  let config = start;
  const shell = new IosShell(platform, { get: () => config, set: (c) => (config = c) }, undefined, 'global');
  const problems: ConfigProblem[] = [];
  const lines = text.split(/\r?\n/);
  // The line that opened the section being skipped (see below), 1-based.
  let refused: number | undefined;
  lines.forEach((line, k) => {
    if (!shell.modes.isConfig() && shell.prompt() !== '') {
      if (line.trim() !== '' && !line.trim().startsWith('!')) {
        problems.push({ line: k + 1, message: "Ignored: configuration text continues after 'end'." });
      }
      return;
    }
    const indented = /^\s+\S/.test(line);
    if (!indented) refused = undefined;
    else if (refused !== undefined) {
      problems.push({
        line: k + 1,
        message: `Ignored: part of the section that line ${refused} opens, which was refused.`,
      });
      return;
    }
    shell.line(line);
    const failures = shell.lastFailures();
    for (const message of failures) problems.push({ line: k + 1, message });
    // A section header refused outright (a router's `interface Vlan1` in a Packet Tracer
    // configuration) leaves IOS in the mode before it, where the section's own lines would
    // change something else: the previous interface's address, say. Its indented lines are
    // skipped instead. A header named as not simulated opens a block of its own, which reads them.
    if (!indented && failures.length > 0 && shell.modes.mode() !== 'unsimulated') refused = k + 1;
  });
  return { config, problems };
}

/** Reads a configuration text onto the factory configuration of a router or switch. */
export function parseConfigText(
  platform: IosPlatform,
  text: string,
  base: DeviceConfig = defaultDeviceConfig(platformKind(platform), FACTORY_HOSTNAME[platformKind(platform)]),
): ParsedConfig {
  return applyConfigText(platform, base, text);
}
