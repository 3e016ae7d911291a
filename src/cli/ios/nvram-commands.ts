/**
 * The startup-config in NVRAM: `copy running-config startup-config` / `write memory`,
 * `copy startup-config running-config` (a merge), `erase startup-config` / `write erase`,
 * and `reload`, which boots again from it. RSA keys are saved with it to private NVRAM.
 */
import { defaultDeviceConfig } from '../../shared/config.ts';
import { seconds } from '../../shared/time.ts';
import { applyConfigText, mergeConfigText } from '../config-text.ts';
import { byWhom, confirmed } from './common.ts';
import { FACTORY_HOSTNAME, without } from './config-edit.ts';
import { withHeader, withoutHeader } from './config-header.ts';
import { type IosNode, kw, run } from './dsl.ts';
import type { IosEnv, Question } from './env.ts';
import { bytesCopied, flashCopyNodes } from './flash-copy.ts';
import { renderRunningConfig } from './running-config.ts';
import { startSetupDialog } from './setup-dialog.ts';
import { byteLength } from './show/format.ts';
import { stampOf, timestampsOf } from './timestamps-commands.ts';

export function saveConfig(env: IosEnv): void {
  env.print('Building configuration...', '[OK]');
  const rt = env.runtime!;
  const now = rt.now();
  env.device!.setStartupConfig(withHeader(renderRunningConfig(env.kind, env.config()), rt, now));
  rt.saved();
  rt.savedKeyBits = env.config().rsaKeyBits;
  rt.savedKeyLabel = rt.keyLabel;
}

function erase(env: IosEnv): void {
  env.ask({
    prompt: 'Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]',
    answer(e, text) {
      if (!confirmed(text)) return;
      e.device!.setStartupConfig(undefined);
      e.runtime!.savedKeyBits = undefined;
      e.runtime!.savedKeyLabel = undefined;
      e.runtime!.erased();
      e.print('[OK]', 'Erase of nvram: complete');
      e.log('%SYS-7-NV_BLOCK_INIT: Initialized the geometry of nvram');
    },
  });
}

/**
 * How long a reload keeps the device off, in virtual time: about what a 1941 or a 2960 takes
 * from `reload` to "Press RETURN to get started!". Its neighbours see its lines down meanwhile.
 */
const BOOT_TIME = seconds(60);
/** How long the Telnet sessions' closing takes to leave before the device goes off. */
const HANG_UP_TIME = seconds(1);

/**
 * Back to the saved configuration (or factory settings), tables cleared, at the login prompt,
 * once the device has booted: the console waits for it as for a ping's replies.
 */
function reloadNow(env: IosEnv): void {
  const dev = env.device!;
  const rt = env.runtime!;
  const halt = rt.now();
  const haltedAt = rt.clock.configStamp(halt);
  const saved = dev.startupConfig();
  const vlanDat = rt.vlans?.file(env.config().vlans, rt.clock.wallMs());
  // Printed at once rather than logged: it comes before everything the boot prints.
  const stamp = stampOf(timestampsOf(env.config(), 'log'), rt.clock, halt, rt.bootedAt);
  const requested = `${stamp}%SYS-5-RELOAD: Reload requested by ${byWhom(env)}. Reload Reason: Reload Command.`;
  env.print('', requested);
  // IOS closes its Telnet sessions as it goes down: their clients hear of it before it is off.
  const vty = [...rt.sessions].filter((s) => s.line.kind === 'vty');
  if (vty.length > 0) {
    for (const s of vty) s.hangUp();
    dev.wait(() => false, HANG_UP_TIME);
  }
  dev.sim.powerOff(dev.id);
  try {
    dev.wait(() => false, BOOT_TIME);
    const factory = defaultDeviceConfig(env.kind, FACTORY_HOSTNAME[env.kind]);
    // A switch's VLANs: its startup-config's, as in VTP transparent mode (whose running-config
    // lists them, as Trame's does); with none saved, vlan.dat's, as a switch booting in VTP
    // server mode keeps them. That is why erase startup-config alone leaves them in place.
    const base =
      saved === undefined && vlanDat !== undefined ? { ...factory, vlans: vlanDat.vlans } : factory;
    const booted = saved === undefined ? base : applyConfigText(env.platform, base, saved).config;
    env.setConfig(
      rt.savedKeyBits === undefined
        ? without(booted, 'rsaKeyBits')
        : { ...booted, rsaKeyBits: rt.savedKeyBits },
    );
  } finally {
    dev.sim.powerOn(dev.id);
  }
  rt.rebooted(vlanDat, haltedAt);
  rt.keyLabel = rt.savedKeyLabel;
  env.modes.send({ type: 'reset' });
  const restarted = `Trame: ${env.config().hostname} restarted with its ${saved === undefined ? 'factory' : 'startup'} configuration.`;
  // Typed on a vty line, the reload ends the console's session too: it shows the boot.
  for (const s of [...rt.sessions])
    if (s !== env.line) s.ended(['', requested, '', restarted], saved === undefined);
  env.print('', restarted);
  if (saved === undefined) startSetupDialog(env);
  else env.print('', 'Press RETURN to get started!', '');
}

/**
 * Whether booting from the startup-config would give another running-config. The saved text
 * is read as the boot reads it, so a file saved by an earlier version, whose lines came in
 * another order, is not taken for a change.
 */
function modifiedSinceSaved(env: IosEnv): boolean {
  const saved = env.device!.startupConfig();
  if (saved === undefined) return true;
  const running = renderRunningConfig(env.kind, env.config());
  if (withoutHeader(saved) === running) return false;
  const factory = defaultDeviceConfig(env.kind, FACTORY_HOSTNAME[env.kind]);
  return renderRunningConfig(env.kind, applyConfigText(env.platform, factory, saved).config) !== running;
}

export function reload(env: IosEnv): void {
  const proceed: Question = {
    prompt: 'Proceed with reload? [confirm]',
    answer: (e, text) => {
      if (confirmed(text)) reloadNow(e);
    },
  };
  if (!modifiedSinceSaved(env)) {
    env.ask(proceed);
    return;
  }
  const save: Question = {
    prompt: 'System configuration has been modified. Save? [yes/no]: ',
    answer: (e, text) => {
      const t = text.trim().toLowerCase();
      if ('yes'.startsWith(t) && t !== '') saveConfig(e);
      else if (!('no'.startsWith(t) && t !== '')) {
        e.print("% Please answer 'yes' or 'no'.");
        e.ask(save);
        return;
      }
      e.ask(proceed);
    },
  };
  // A blank line first, on a 1941 and a 2960 alike (IOS 15 captures).
  env.print('');
  env.ask(save);
}

/** Reading NVRAM is modelled at 8,000 bytes per second, the order of what a 1941 reports. */
const NVRAM_READ_BYTES_PER_SECOND = 8000;

function copyStartupToRunning(env: IosEnv): void {
  const text = env.device!.startupConfig();
  if (text === undefined) {
    env.error('%% Non-volatile configuration memory invalid or not present');
    return;
  }
  const merged = mergeConfigText(env.platform, env.config(), text).config;
  env.setConfig(merged);
  env.runtime!.merged(text);
  const bytes = byteLength(text);
  env.print('', bytesCopied(bytes, NVRAM_READ_BYTES_PER_SECOND));
  env.log(`%SYS-5-CONFIG_I: Configured from memory by ${byWhom(env)}`);
}

export function copyNode(): IosNode {
  return kw(
    'copy',
    'Copy from one file to another',
    flashCopyNodes.fromFlash(),
    kw(
      'running-config',
      'Copy from current system configuration',
      flashCopyNodes.fromRunning(),
      kw(
        'startup-config',
        'Copy to startup configuration',
        run((env) =>
          env.ask({ prompt: 'Destination filename [startup-config]? ', answer: (e) => saveConfig(e) }),
        ),
      ),
    ),
    kw(
      'startup-config',
      'Copy from startup configuration',
      flashCopyNodes.fromStartup(),
      kw(
        'running-config',
        'Update (merge with) current system configuration',
        run((env) =>
          env.ask({
            prompt: 'Destination filename [running-config]? ',
            answer: (e) => copyStartupToRunning(e),
          }),
        ),
      ),
    ),
  );
}

export const eraseNode = (): IosNode =>
  kw(
    'erase',
    'Erase a filesystem',
    kw('nvram:', 'Filesystem to be erased', run(erase)),
    kw('startup-config', 'Erase contents of configuration memory', run(erase)),
  );

export const writeEraseNode = (): IosNode => kw('erase', 'Erase NV memory', run(erase));
