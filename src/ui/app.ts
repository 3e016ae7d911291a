/**
 * The application: builds the window, starts the simulator worker, keeps the document mirror
 * and the cable lights, and connects the editor's tools, the canvas and the panels.
 *
 * First paint needs only the canvas, the chrome and the document: the editor's state charts
 * (and xstate), the realtime clock, the panels and the console load right after it, or as soon
 * as a pointer or a key needs them, with what happened meanwhile replayed in order.
 */
import { DocMirror } from '../editor/doc-mirror.ts';
import {
  type DocCommand,
  deviceOf,
  devicesInOrder,
  linkOf,
  type NetworkDoc,
  saveNetwork,
} from '../editor/document.ts';
import { freeSpotNear } from '../editor/geometry.ts';
import { Pinch, wheelZoom } from '../editor/gestures.ts';
import { hitTest, positionsFrom } from '../editor/hit-test.ts';
import {
  actionFor,
  type KeyFocus,
  NUDGE_STEP,
  NUDGE_STEP_LARGE,
  type ShortcutAction,
  shortcutApplies,
} from '../editor/keymap.ts';
import type { EditorEffects, EditorEvent, Placeable, PortChoice, Selection } from '../editor/tools.ts';
import { deviceLook } from '../render/device-look.ts';
import { Scene } from '../render/scene.ts';
import type { DeviceId } from '../shared/ids.ts';
import { type Micros, micros } from '../shared/time.ts';
import { startSession } from '../worker/client.ts';
import { Autosave } from './autosave.ts';
import { Changes } from './changes.ts';
import {
  buildMenus,
  buildPalette,
  buildStatusBar,
  buildToolbar,
  type Commands,
  formatClock,
  shortcutsTable,
  type ToolName,
} from './chrome.ts';
import type { AppContext } from './context.ts';
import { ask, showDialog } from './dialog.ts';
import { h } from './dom.ts';
import type { EditorActor } from './editor-actor.ts';
import { downloadFile, pickFile } from './files.ts';
import { initLanguage, language, onLanguageChange, setLanguage, t, tError } from './i18n/i18n.ts';
import { LightBoard } from './lights.ts';
import { showNotice } from './notice.ts';
import { prefs } from './prefs.ts';
import { type Opened, restoreWork } from './restore.ts';
import { applyTheme, savedTheme, type ThemeName } from './theme.ts';
import { toast } from './toast.ts';

const EXAMPLES = {
  'small-office': () => import('../../examples/small-office.json?raw').then((m) => m.default),
} as const;
const EXAMPLE_TITLES = { 'small-office': 'example.smallOffice' } as const;
const EMPTY_NETWORK = '{\n  "version": 1,\n  "devices": [],\n  "links": []\n}\n';

type Panels = typeof import('./details/panel.ts');
type ConsoleModule = typeof import('./details/console-dock.ts');

export async function startApp(root: HTMLElement): Promise<void> {
  await initLanguage(prefs, navigator.languages);
  let theme: ThemeName = savedTheme();
  let sceneTheme = applyTheme(theme);

  const canvasHost = h('div', { class: 'canvas-host', tabindex: 0, 'data-tool': 'select' });
  const details = h('section', { class: 'details' });
  const dock = h('section', { class: 'console' });
  const loading = h('div', { class: 'loading', role: 'status' }, t('app.loading'));
  let menubar: HTMLElement = h('nav');
  let toolbar: HTMLElement = h('div');
  let palette: HTMLElement = h('aside');
  let status: HTMLElement = h('footer');
  root.append(menubar, toolbar, palette, canvasHost, loading, dock, details, status);

  // The simulator's thread failing to load or dying leaves every call unanswered: say so
  // rather than wait for ever.
  let simulatorDown = false;
  const session = startSession((detail) => {
    if (simulatorDown) return;
    simulatorDown = true;
    console.error(detail);
    loading.remove();
    showNotice(t('app.simulatorFailed'), [{ label: t('app.reload'), run: () => location.reload() }]);
  });
  const mirror = new DocMirror();
  const lights = new LightBoard();
  /** The file name Save offers, and whether there are changes not saved to a file. */
  let fileName = 'network.json';
  let unsaved = false;
  const autosave = new Autosave(() => ({ text: saveNetwork(mirror.doc), name: fileName, unsaved }));
  const [scene, kept] = await Promise.all([Scene.create(canvasHost, sceneTheme), autosave.restore()]);
  let selection: Selection | undefined;
  let dragged: { id: DeviceId; at: { x: number; y: number } } | undefined;
  let clock: Micros = micros(0);
  let clockPaused = false;
  let panels: InstanceType<Panels['DetailsPanel']> | undefined;
  let consoles: InstanceType<ConsoleModule['ConsoleDock']> | undefined;

  /** The simulator threw: the details go to the browser console, a sentence to the user. */
  const reportFailure = (error: unknown): void => {
    console.error(error);
    toast(t('app.actionFailed'), 'error', 10_000);
  };
  /** A part of the app loaded on demand did not come (offline before it was ever cached). */
  const reportMissing = (error: unknown): void => {
    console.error(error);
    toast(t('app.partMissing'), 'error', 10_000);
  };
  const changes = new Changes(session, mirror, lights, {
    refused: (key, params) => toast(tError(key, params), 'error'),
    failed: reportFailure,
    edited: () => {
      unsaved = true;
      autosave.release();
      autosave.soon();
    },
  });
  // Lights change often: the canvas and the open panel recolour them in place.
  lights.subscribe((changed) => {
    scene.setLights(lights.table, changed);
    panels?.lightsChanged(changed);
  });

  const run = async (command: DocCommand): Promise<boolean> => {
    const patches = await changes.run(session.dispatch(command));
    if (patches && command.type === 'addDevice') {
      // Select what was just placed, as drawing tools do: a new device comes last in the order.
      const order = mirror.doc.deviceOrder;
      const added = order[order.length - 1];
      if (added) send({ type: 'select', selection: { type: 'device', id: added } });
    }
    return patches !== undefined;
  };

  // ---- The editor: events wait in order until its state chart has loaded ----
  let editor: EditorActor | undefined;
  let editorLoading: Promise<void> | undefined;
  const early: EditorEvent[] = [];
  // Lazy parts are loaded with `await` inside `try`: Vite wraps `import(...).then(...)` in its
  // preloading, so a handler chained on the import would not hear of a stylesheet that failed.
  const loadEditor = (): Promise<void> =>
    (editorLoading ??= (async () => {
      try {
        const { startEditor } = await import('./editor-actor.ts');
        const actor = startEditor(effects);
        editor = actor;
        actor.subscribe(onEditorChange);
        for (const event of early.splice(0)) actor.send(event);
        onEditorChange();
      } catch (error) {
        // What waited is dropped; the next pointer or key tries again.
        early.length = 0;
        editorLoading = undefined;
        reportMissing(error);
      }
    })());
  const send = (event: EditorEvent): void => {
    if (editor) editor.send(event);
    else {
      early.push(event);
      void loadEditor();
    }
  };

  const effects: EditorEffects = {
    dispatch: (command) => void run(command),
    previewMove: (move) => {
      dragged = move;
      scene.previewMove(move);
    },
    previewCable: (cable) => scene.previewCable(cable),
    pan: (dx, dy) => scene.panBy(dx, dy),
    askPort: (device, screen) => void askPort(device, screen),
    selectionChanged: (next) => {
      selection = next;
      scene.setSelection(next);
      panels?.show(mirror.doc, next);
      showConsole();
    },
  };

  async function askPort(device: DeviceId, screen: { x: number; y: number }): Promise<void> {
    try {
      const { openPortMenu } = await import('./port-menu.ts');
      openPortMenu(canvasHost, mirror.doc, device, screen, (port) =>
        send(port === undefined ? { type: 'cancel' } : { type: 'port.chosen', port }),
      );
    } catch (error) {
      reportMissing(error);
      send({ type: 'cancel' });
    }
  }

  const ctx: AppContext = {
    session,
    mirror,
    lights,
    run,
    select: (next) => send({ type: 'select', selection: next }),
    consoleRan: (patches) => changes.consoleRan(patches),
    failed: (error) => {
      reportFailure(error);
      void changes.resync();
    },
  };

  const showConsole = (): void => {
    const id = selection?.type === 'device' ? selection.id : undefined;
    dock.classList.toggle('open', id !== undefined);
    if (id === undefined) {
      consoles?.show(undefined);
      return;
    }
    if (consoles) consoles.show(id);
    else void loadConsoles();
  };
  const loadConsoles = async (): Promise<void> => {
    dock.replaceChildren(h('p', { class: 'placeholder' }, t('panel.consoleLoading')));
    try {
      const { ConsoleDock } = await import('./details/console-dock.ts');
      consoles ??= new ConsoleDock(dock, ctx);
      showConsole();
    } catch (error) {
      console.error(error);
      // Selecting a device again tries again.
      dock.replaceChildren(h('p', { class: 'placeholder', role: 'alert' }, t('panel.consoleMissing')));
    }
  };

  // ---- Chrome (menus, toolbar, palette, status), rebuilt on tool or language change ----
  const toolOf = (): { tool: ToolName; hint: string; placing: Placeable; portChoice: PortChoice } => {
    if (!editor) return { tool: 'select', hint: '', placing: { kind: 'router' }, portChoice: 'auto' };
    const snap = editor.getSnapshot();
    const c = snap.context;
    const state = { placing: c.placing, portChoice: c.portChoice };
    if (snap.matches('place'))
      return { tool: 'place', hint: t('hint.place', { kind: t(`kind.${deviceLook(c.placing)}`) }), ...state };
    if (snap.matches('pan')) return { tool: 'pan', hint: '', ...state };
    if (snap.matches('cable')) {
      const nameOf = (id: DeviceId | undefined): string => (id ? (deviceOf(mirror.doc, id)?.name ?? '') : '');
      const hint = snap.matches({ cable: 'pickA' })
        ? t('hint.cableFirst')
        : snap.matches({ cable: 'pickB' })
          ? t('hint.cableSecond', { name: nameOf(c.cableA?.device) })
          : t('hint.choosePort', { name: nameOf(c.cableB ?? c.cableA?.device) });
      return { tool: 'cable', hint, ...state };
    }
    return { tool: 'select', hint: '', ...state };
  };

  const commands: Commands = {
    shortcut: (action) => void shortcut(action),
    place: (what: Placeable, atCentre: boolean) => {
      if (atCentre) {
        const taken = devicesInOrder(mirror.doc).map((d) => ({ x: d.at[0], y: d.at[1] }));
        const c = freeSpotNear(scene.viewCentre(), taken);
        void run({ type: 'addDevice', ...what, at: [Math.round(c.x), Math.round(c.y)] });
      } else send({ type: 'tool.place', ...what });
    },
    cable: (ports: PortChoice) => send({ type: 'tool.cable', ports }),
    openExample: (name) => void openExample(name),
    isDark: () => theme === 'dark',
    setDark: (dark) => {
      theme = dark ? 'dark' : 'light';
      sceneTheme = applyTheme(theme);
      scene.setTheme(sceneTheme);
      rebuildChrome();
    },
    setLanguage: (lang) => void setLanguage(lang, prefs).catch(reportMissing),
    showShortcuts: () => showDialog(t('help.shortcutsTitle'), shortcutsTable()),
    showAbout: () => showDialog(t('help.aboutTitle'), h('p', {}, t('help.about'))),
  };

  let chromeKey = '';
  const keyOf = (s: ReturnType<typeof toolOf>): string =>
    `${s.tool}|${s.hint}|${s.placing.kind}|${s.placing.model ?? ''}|${s.portChoice}`;
  const rebuildChrome = (): void => {
    const state = toolOf();
    chromeKey = keyOf(state);
    canvasHost.dataset['tool'] = state.tool;
    const next = {
      menubar: buildMenus(commands, EXAMPLE_TITLES),
      toolbar: buildToolbar(commands, state.tool, state.hint),
      palette: buildPalette(commands, state),
    };
    menubar.replaceWith(next.menubar);
    toolbar.replaceWith(next.toolbar);
    palette.replaceWith(next.palette);
    ({ menubar, toolbar, palette } = next);
    renderStatus();
  };
  const renderStatus = (): void => {
    const next = buildStatusBar(formatClock(clock), scene.scale, clockPaused);
    status.replaceWith(next);
    status = next;
  };
  const relabel = (): void => {
    document.documentElement.lang = language();
    document.title = t('app.title');
    canvasHost.setAttribute('aria-label', t('canvas.label'));
    details.setAttribute('aria-label', t('panel.label'));
    dock.setAttribute('aria-label', t('panel.console'));
  };
  function onEditorChange(): void {
    if (keyOf(toolOf()) !== chromeKey) rebuildChrome();
  }

  onLanguageChange(() => {
    relabel();
    rebuildChrome();
    panels?.show(mirror.doc, selection);
    consoles?.relabel();
  });
  scene.onViewChange(renderStatus);

  // ---- Files ----
  /** Replaces the network with a file's contents; resolves to the problems when refused. */
  async function open(text: string, name: string): Promise<Opened> {
    const result = await session.load(text);
    if (!result.ok) {
      return {
        ok: false,
        problems: result.problems
          .slice(0, 8)
          .map(
            (p) => `${p.pointer ? `${p.pointer}: ` : ''}${p.key ? tError(p.key, p.params ?? {}) : p.message}`,
          ),
      };
    }
    fileName = name;
    editor?.send({ type: 'select', selection: undefined });
    consoles?.reset();
    await changes.resync();
    scene.fitToDocument();
    return { ok: true };
  }

  /** Opens a file; a refusal or a failure is told to the user. Resolves to success. */
  async function openFile(text: string, name: string): Promise<boolean> {
    let opened: Opened;
    try {
      opened = await open(text, name);
    } catch (error) {
      ctx.failed(error);
      return false;
    }
    if (!opened.ok) {
      toast([t('file.openFailed', { file: name }), ...opened.problems].join('\n'), 'error', 10_000);
      return false;
    }
    unsaved = false;
    autosave.soon();
    return true;
  }

  /** Downloads the network file; resolves to success. */
  async function saveToFile(): Promise<boolean> {
    let text: string;
    try {
      text = await session.save();
    } catch (error) {
      ctx.failed(error);
      return false;
    }
    downloadFile(fileName, text);
    unsaved = false;
    autosave.soon();
    toast(t('file.saved', { file: fileName }));
    return true;
  }

  /** Before the network is replaced: changes not saved to a file are saved or dropped, as the user says. */
  async function mayReplace(): Promise<boolean> {
    if (!unsaved) return true;
    const answer = await ask(t('file.unsavedTitle'), t('file.unsaved', { file: fileName }), [
      { value: 'save', label: t('file.saveFirst'), primary: true },
      { value: 'discard', label: t('file.discard') },
      { value: 'cancel', label: t('file.cancel') },
    ]);
    return answer === 'discard' || (answer === 'save' && (await saveToFile()));
  }

  /** What the user chose to open instead of the current network (New, Open, an example). */
  async function replaceWith(read: () => Promise<string>, name: string): Promise<void> {
    if (!(await mayReplace())) return;
    let text: string;
    try {
      text = await read();
    } catch (error) {
      reportMissing(error);
      return;
    }
    autosave.release();
    await openFile(text, name);
  }

  const exampleText = (name: string): Promise<string> => {
    const example = EXAMPLES[name as keyof typeof EXAMPLES];
    return example ? example() : Promise.reject(new Error(`no example named ${name}`));
  };
  const openExample = (name: string): Promise<void> => replaceWith(() => exampleText(name), `${name}.json`);

  function nudge(action: 'nudge.left' | 'nudge.right' | 'nudge.up' | 'nudge.down', large: boolean): void {
    const d = selection?.type === 'device' ? deviceOf(mirror.doc, selection.id) : undefined;
    if (!d) return;
    const step = large ? NUDGE_STEP_LARGE : NUDGE_STEP;
    const [dx, dy] = {
      'nudge.left': [-step, 0],
      'nudge.right': [step, 0],
      'nudge.up': [0, -step],
      'nudge.down': [0, step],
    }[action];
    void run({ type: 'moveDevice', id: d.id, at: [d.at[0] + dx!, d.at[1] + dy!] });
  }

  async function shortcut(action: ShortcutAction, large = false): Promise<void> {
    switch (action) {
      case 'undo':
        await changes.run(session.undo());
        break;
      case 'redo':
        await changes.run(session.redo());
        break;
      case 'delete':
        send({ type: 'delete' });
        break;
      case 'cancel':
        send({ type: 'cancel' });
        break;
      case 'tool.select':
        send({ type: 'tool.select' });
        break;
      case 'tool.pan':
        send({ type: 'tool.pan' });
        break;
      case 'tool.cable':
        send({ type: 'tool.cable', ports: 'auto' });
        break;
      case 'file.new':
        await replaceWith(async () => EMPTY_NETWORK, 'network.json');
        break;
      case 'file.open': {
        const file = await pickFile();
        if (file) await replaceWith(async () => file.text, file.name);
        break;
      }
      case 'file.save':
        await saveToFile();
        break;
      case 'view.zoomIn':
        scene.zoomBy(1.25);
        break;
      case 'view.zoomOut':
        scene.zoomBy(0.8);
        break;
      case 'view.fit':
        scene.fitToDocument();
        break;
      case 'nudge.left':
      case 'nudge.right':
      case 'nudge.up':
      case 'nudge.down':
        nudge(action, large);
        break;
    }
  }

  // ---- Canvas input: pointer events, hit-tested against the mirror, go to the editor ----
  const pinch = new Pinch();
  const screenOf = (e: PointerEvent | WheelEvent): { x: number; y: number } => {
    const box = canvasHost.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const pointerInput = (e: PointerEvent) => {
    const screen = screenOf(e);
    const world = scene.toWorld(screen);
    const hit = hitTest(mirror.doc, world, scene.scale, positionsFrom(mirror.doc, dragged));
    return { hit, world, screen, button: e.button };
  };
  canvasHost.addEventListener('pointerdown', (e) => {
    if (e.target !== scene.canvas) return;
    pinch.down(e.pointerId, screenOf(e));
    // A second finger makes a pinch: drop what the first one started.
    if (pinch.count > 1) {
      send({ type: 'cancel' });
      return;
    }
    canvasHost.focus({ preventScroll: true });
    canvasHost.setPointerCapture(e.pointerId);
    send({ type: 'pointer.down', ...pointerInput(e) });
  });
  canvasHost.addEventListener('pointermove', (e) => {
    const step = pinch.move(e.pointerId, screenOf(e));
    if (pinch.count > 1) {
      if (step) {
        scene.panBy(step.dx, step.dy);
        scene.zoomAt(step.centre, step.factor);
      }
      return;
    }
    const input = pointerInput(e);
    if (pinch.count === 0 && (!editor || editor.getSnapshot().matches('select'))) {
      canvasHost.style.cursor =
        input.hit.type === 'device' ? 'move' : input.hit.type === 'link' ? 'pointer' : '';
    }
    // Hovering before the editor has loaded does not need it.
    if (editor || pinch.count > 0) send({ type: 'pointer.move', ...input });
  });
  const pointerEnd = (e: PointerEvent): void => {
    if (!pinch.has(e.pointerId)) return;
    const pinching = pinch.count > 1;
    pinch.up(e.pointerId);
    if (!pinching && pinch.count === 0) send({ type: 'pointer.up', ...pointerInput(e) });
  };
  canvasHost.addEventListener('pointerup', pointerEnd);
  canvasHost.addEventListener('pointercancel', (e) => {
    pinch.up(e.pointerId);
    send({ type: 'cancel' });
  });
  canvasHost.addEventListener('contextmenu', (e) => e.preventDefault());
  canvasHost.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      scene.zoomAt(screenOf(e), wheelZoom(e));
    },
    { passive: false },
  );

  const focusOf = (target: EventTarget | null): KeyFocus => {
    if (target === canvasHost) return 'canvas';
    if (!(target instanceof Element) || target === document.body || target === document.documentElement)
      return 'page';
    if (target.closest('input, textarea, select, [contenteditable], .xterm')) return 'text';
    if (target.closest('[role="menu"], [role="menubar"], dialog')) return 'menu';
    return 'control';
  };
  window.addEventListener('keydown', (e) => {
    const action = actionFor(e);
    if (!action || !shortcutApplies(action, focusOf(e.target))) return;
    e.preventDefault();
    void shortcut(action, e.shiftKey);
  });

  // ---- Start: last network from this browser, else the example ----
  mirror.subscribe((doc: NetworkDoc) => {
    scene.setDocument(doc);
    if (selection) {
      const gone = selection.type === 'device' ? !deviceOf(doc, selection.id) : !linkOf(doc, selection.id);
      if (gone) send({ type: 'select', selection: undefined });
    }
    panels?.show(doc, selection);
    consoles?.sync(doc);
  });
  // A closing lid or tab does not wait for the pause in editing.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') autosave.flush();
  });
  window.addEventListener('pagehide', () => autosave.flush());

  relabel();
  rebuildChrome();
  await restoreWork(kept, {
    open: (work) => open(work.text, work.name),
    fallback: async () => {
      await openFile(await exampleText('small-office'), 'small-office.json');
    },
    autosave,
    restored: (work) => {
      unsaved = work.unsaved;
      toast(t('file.restored'));
    },
    unreadable: (work, problems, error) => {
      if (error !== undefined) console.error(error);
      showNotice([t('autosave.unreadable', { file: work.name }), ...problems.slice(0, 3)].join('\n'), [
        { label: t('autosave.download'), run: () => downloadFile(work.name, work.text) },
      ]);
    },
  });
  loading.remove();

  // ---- After the first frame: what interaction needs ----
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const optional = async <T>(load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch (error) {
      reportMissing(error);
      return undefined;
    }
  };
  const [panelModule, clockModule] = await Promise.all([
    optional(() => import('./details/panel.ts')),
    optional(() => import('./clock.ts')),
    loadEditor(),
  ]);
  if (panelModule) {
    panels = new panelModule.DetailsPanel(details, ctx);
    panels.show(mirror.doc, selection);
  }
  clockModule?.startRealtimeClock(
    session,
    (now, paused) => {
      const changed = Math.floor(now / 1e6) !== Math.floor(clock / 1e6) || paused !== clockPaused;
      clock = now;
      clockPaused = paused;
      if (changed) renderStatus();
      // Time moved: ports may have changed state and the open console may have something to say.
      void changes.pollLights();
      consoles?.poll();
    },
    (patches) => changes.consoleRan(patches),
  );
}
