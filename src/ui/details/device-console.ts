/**
 * One device's console in an xterm.js terminal: the IOS CLI for routers and switches, the
 * command prompt for PCs and servers. The keys are handled by ConsoleKeys; this only connects
 * them to the terminal widget.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { DeviceId } from '../../shared/ids.ts';
import type { DocPatch } from '../../worker/client.ts';
import { ConsoleKeys, type ConsoleSession } from './console-keys.ts';

export class DeviceConsole {
  readonly element: HTMLElement;
  readonly #term: Terminal;
  readonly #fit = new FitAddon();
  readonly #keys: ConsoleKeys;
  #opened = false;

  constructor(
    session: ConsoleSession,
    id: DeviceId,
    ios: boolean,
    onReply: (patches: readonly DocPatch[]) => void,
    onError: (error: unknown) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'device-console';
    this.#term = new Terminal({
      fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      cursorBlink: true,
      scrollback: 5000,
      convertEol: false,
      theme: {
        background: '#0a0d12',
        foreground: '#d7dde5',
        cursor: '#d7dde5',
        selectionBackground: '#3b5b86',
      },
    });
    this.#term.loadAddon(this.#fit);
    this.#keys = new ConsoleKeys(session, id, ios, (text) => this.#term.write(text), onReply, onError);
    this.#term.onData((data) => void this.#keys.input(data));
  }

  /** Attaches the terminal the first time it is shown, then greets. */
  async open(): Promise<void> {
    if (this.#opened) return;
    this.#opened = true;
    this.#term.open(this.element);
    this.fit();
    await this.#keys.open();
  }

  /** Prints what the device logged on its own since the last look (realtime ticks). */
  pollLog(): Promise<void> {
    return this.#opened ? this.#keys.pollLog() : Promise.resolve();
  }

  fit(): void {
    if (this.element.isConnected && this.element.clientWidth > 0) this.#fit.fit();
  }

  focus(): void {
    this.#term.focus();
  }

  dispose(): void {
    this.#keys.close();
    this.#term.dispose();
    this.element.remove();
  }
}
