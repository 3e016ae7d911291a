/**
 * What a device booting without a startup-config asks on its console before the first prompt:
 * IOS's System Configuration Dialog, which CCNA labs answer "no" after every `erase
 * startup-config` and `reload`. Text from captures of a CISCO1941/K9 (15.x) and of Catalyst
 * switches on 15.x, whose enable-secret warning (spelling included) precedes the question.
 * A router then asks to terminate AutoInstall and waits for RETURN; a switch goes straight to
 * its prompt. The dialog itself (answering "yes") is not simulated.
 */
import type { IosEnv, Question } from './env.ts';

const HEADER = ['', '', '         --- System Configuration Dialog ---', ''];

const SWITCH_WARNING = [
  'Enable secret warning',
  '----------------------------------',
  'In order to access the device manager, an enable secret is required',
  'If you enter the initial configuration dialog, you will be prompted for the enable secret',
  'If you choose not to enter the intial configuration dialog, or if you exit setup without setting the enable secret,',
  'please set an enable secret using the following CLI in configuration mode-',
  'enable secret 0 <cleartext password>',
  '----------------------------------',
];

const PLEASE_ANSWER = "% Please answer 'yes' or 'no'.";

/** The dialog's first question: anything but a yes or a no (an empty line too) is asked again. */
const initialDialog: Question = {
  prompt: 'Would you like to enter the initial configuration dialog? [yes/no]: ',
  answer(env, text) {
    const t = text.trim().toLowerCase();
    if (t !== '' && 'yes'.startsWith(t)) {
      env.print('% Trame does not simulate the initial configuration dialog yet: answer no.');
      env.ask(initialDialog);
    } else if (t !== '' && 'no'.startsWith(t)) {
      if (env.kind === 'router') {
        env.print('');
        env.ask(autoinstall);
      } else env.modes.send({ type: 'login' });
    } else {
      env.print(PLEASE_ANSWER);
      env.ask(initialDialog);
    }
  },
};

/** Whatever the answer, no AutoInstall runs: there is no TFTP server to load a file from. */
const autoinstall: Question = {
  prompt: 'Would you like to terminate autoinstall? [yes]: ',
  answer(env, text) {
    const t = text.trim().toLowerCase();
    if (t !== '' && !'yes'.startsWith(t) && !'no'.startsWith(t)) {
      env.print(PLEASE_ANSWER);
      env.ask(autoinstall);
      return;
    }
    env.print('', '', 'Press RETURN to get started!', '');
  },
};

/** Starts the dialog on a console whose device just booted with its factory configuration. */
export function startSetupDialog(env: IosEnv): void {
  env.print(...HEADER, ...(env.kind === 'switch' ? SWITCH_WARNING : []));
  env.ask(initialDialog);
}
