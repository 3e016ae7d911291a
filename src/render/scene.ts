/**
 * The canvas: a PixiJS projection of the document mirror. It never changes the document; it
 * draws what it is given (document, selection, drag and cable previews) and renders only when
 * something changed, so an idle canvas costs nothing.
 *
 * Layers: `links` and `devices` make the static layer (sprites and bitmap text, rebuilt
 * per change of the entity they show); `overlay` holds what moves (the cable being drawn).
 */
import { Application, BitmapText, Container, Sprite, Texture, Ticker } from 'pixi.js';
import {
  type DeviceDoc,
  deviceOf,
  devicesInOrder,
  type LinkDoc,
  linkOf,
  linksInOrder,
  type NetworkDoc,
} from '../model/document.ts';
import { ICON_SIZE, LABEL_HEIGHT, LABEL_OFFSET, LIGHT_DISTANCE, type Point } from '../shared/geometry.ts';
import type { DeviceId, LinkId } from '../shared/ids.ts';
import { shortInterfaceName } from '../shared/ports.ts';
import { Camera, MIN_SCALE } from './camera.ts';
import { deviceLook } from './device-look.ts';
import { drawIcons, type IconTextures } from './icons.ts';
import { type LightColour, type LightTable, lightTint } from './link-lights.ts';
import type { SceneTheme } from './theme.ts';

export type SceneSelection = { readonly type: 'device' | 'link'; readonly id: string } | undefined;

interface DeviceView {
  doc: DeviceDoc;
  readonly icon: Sprite;
  readonly label: BitmapText;
  /** A patch of background behind the name, so cables passing under it do not cross it out. */
  readonly plate: Sprite;
  readonly tile: Sprite;
}

interface LinkView {
  doc: LinkDoc;
  readonly line: Sprite;
  readonly lightA: Sprite;
  readonly lightB: Sprite;
  readonly portA: BitmapText;
  readonly portB: BitmapText;
}

/** One cable as the canvas shows it, for the end-to-end tests. */
export interface CableProbe {
  readonly a: string;
  readonly portA: string;
  readonly lightA: LightColour | undefined;
  readonly b: string;
  readonly portB: string;
  readonly lightB: LightColour | undefined;
}

/** Read by the end-to-end tests: what the last frame showed, and where a device is on screen. */
export interface SceneProbe {
  ready: boolean;
  frames: number;
  /** performance.now() when the first frame was drawn. */
  firstFrameAt: number | undefined;
  scene: { devices: number; links: number };
  /** Page (client) coordinates of a device's centre, by name. */
  screenOf(name: string): { x: number; y: number } | undefined;
  /** Every cable with its ends' device names, ports and lights. */
  cables(): CableProbe[];
}

const LABEL_FONT = { fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif', fontSize: 13, fill: 0xffffff };
const PORT_FONT = { fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif', fontSize: 10, fill: 0xffffff };
const CABLE_WIDTH = 2;
const PORT_LABEL_DISTANCE = LIGHT_DISTANCE + 16;
const LABEL_CLEARANCE = LABEL_HEIGHT + 2;

/** An icon's longer side spans ICON_SIZE, whatever its texture's proportions. */
function sizeIcon(icon: Sprite): void {
  icon.scale.set(1);
  icon.setSize(ICON_SIZE * (icon.texture.width / Math.max(icon.texture.width, icon.texture.height)));
  icon.scale.y = icon.scale.x;
}

export class Scene {
  readonly #app: Application;
  /** Holds everything drawn in world units; the camera places and scales it. */
  readonly #world = new Container();
  readonly #camera = new Camera();
  readonly #icons: IconTextures;
  readonly #links = new Container();
  readonly #devices = new Container();
  readonly #overlay = new Container();
  readonly #selectionMark: Sprite;
  readonly #cablePreview: Sprite;
  readonly #deviceViews = new Map<DeviceId, DeviceView>();
  readonly #linkViews = new Map<LinkId, LinkView>();
  /** Device -> the cables plugged into it, to move only those when a device moves. */
  readonly #linksOf = new Map<DeviceId, Set<LinkId>>();
  #doc: NetworkDoc | undefined;
  #theme: SceneTheme;
  #selection: SceneSelection;
  #dragged: { id: DeviceId; at: Point } | undefined;
  #lights: LightTable = new Map();
  #frameRequested = false;
  readonly #probe: SceneProbe = {
    ready: false,
    frames: 0,
    firstFrameAt: undefined,
    scene: { devices: 0, links: 0 },
    screenOf: (name) => {
      const doc = this.#doc;
      const id = doc && devicesInOrder(doc).find((d) => d.name === name)?.id;
      const at = id && this.#positionOf(id);
      if (!at) return undefined;
      const p = this.#camera.toScreen(at);
      const box = this.canvas.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    cables: () => {
      const doc = this.#doc;
      if (!doc) return [];
      const nameOf = (id: DeviceId): string => deviceOf(doc, id)?.name ?? '';
      return linksInOrder(doc).map((l) => ({
        a: nameOf(l.a.device),
        portA: l.a.port,
        lightA: this.#lights.get(l.id)?.a,
        b: nameOf(l.b.device),
        portB: l.b.port,
        lightB: this.#lights.get(l.id)?.b,
      }));
    },
  };
  readonly #onViewChange = new Set<() => void>();

  private constructor(app: Application, theme: SceneTheme) {
    this.#app = app;
    this.#theme = theme;
    this.#icons = drawIcons(app.renderer);
    this.#camera.width = app.screen.width;
    this.#camera.height = app.screen.height;
    // Nothing on the canvas takes pixi pointer events: the editor hit-tests the document itself.
    app.stage.eventMode = 'none';
    app.stage.interactiveChildren = false;
    this.#selectionMark = new Sprite({ texture: this.#icons.selection, anchor: 0.5, visible: false });
    this.#cablePreview = new Sprite({
      texture: Texture.WHITE,
      anchor: { x: 0, y: 0.5 },
      visible: false,
      alpha: 0.8,
    });
    this.#devices.addChild(this.#selectionMark);
    this.#overlay.addChild(this.#cablePreview);
    this.#world.addChild(this.#links, this.#devices, this.#overlay);
    app.stage.addChild(this.#world);
    this.#applyThemeColours();
    (globalThis as { __trame?: SceneProbe }).__trame = this.#probe;
  }

  static async create(host: HTMLElement, theme: SceneTheme): Promise<Scene> {
    const app = new Application();
    await app.init({
      width: Math.max(1, host.clientWidth),
      height: Math.max(1, host.clientHeight),
      background: theme.background,
      antialias: true,
      autoStart: false,
      sharedTicker: false,
      resolution: globalThis.devicePixelRatio || 1,
      autoDensity: true,
      preference: 'webgl',
    });
    app.ticker.stop();
    // The pointer-over check runs on the system ticker every frame; nothing here uses hover.
    Ticker.system.autoStart = false;
    Ticker.system.stop();
    host.appendChild(app.canvas);
    const scene = new Scene(app, theme);
    new ResizeObserver(() => scene.#resize(host)).observe(host);
    return scene;
  }

  get canvas(): HTMLCanvasElement {
    return this.#app.canvas;
  }

  /** Screen pixels per world unit. */
  get scale(): number {
    return this.#camera.scale;
  }

  onViewChange(fn: () => void): void {
    this.#onViewChange.add(fn);
  }

  toWorld(screen: Point): Point {
    return this.#camera.toWorld(screen);
  }

  setTheme(theme: SceneTheme): void {
    this.#theme = theme;
    this.#app.renderer.background.color = theme.background;
    this.#applyThemeColours();
    for (const view of this.#linkViews.values()) this.#placeLink(view);
    this.requestRender();
  }

  setDocument(doc: NetworkDoc): void {
    const previous = this.#doc;
    this.#doc = doc;
    const movedDevices = new Set<DeviceId>();
    for (const [id, view] of this.#deviceViews) {
      if (!deviceOf(doc, id)) {
        view.icon.destroy();
        view.label.destroy();
        view.plate.destroy();
        view.tile.destroy();
        this.#deviceViews.delete(id);
      }
    }
    for (const d of devicesInOrder(doc)) {
      const id = d.id;
      const view = this.#deviceViews.get(id);
      if (!view) this.#deviceViews.set(id, this.#createDevice(d));
      else if (view.doc !== d) {
        this.#updateDevice(view, d);
        movedDevices.add(id);
      }
    }
    for (const [id, view] of this.#linkViews) {
      if (!linkOf(doc, id)) this.#destroyLink(id, view);
    }
    for (const l of linksInOrder(doc)) {
      const id = l.id;
      const view = this.#linkViews.get(id);
      if (!view) this.#createLink(l);
      else if (view.doc !== l) {
        this.#unindexLink(id, view.doc);
        view.doc = l;
        this.#indexLink(id, l);
        this.#placeLink(view);
      }
    }
    for (const id of movedDevices) this.#replaceLinksOf(id);
    if (previous?.deviceOrder !== doc.deviceOrder) this.#restack();
    this.#placeSelection();
    this.requestRender();
  }

  /** New lights from the simulator; only the cables listed (all when omitted) are repainted. */
  setLights(lights: LightTable, changed?: Iterable<LinkId>): void {
    this.#lights = lights;
    for (const id of changed ?? this.#linkViews.keys()) {
      const view = this.#linkViews.get(id);
      if (view) this.#tintLights(view);
    }
    this.requestRender();
  }

  setSelection(selection: SceneSelection): void {
    this.#selection = selection;
    for (const view of this.#linkViews.values()) this.#placeLink(view);
    this.#placeSelection();
    this.requestRender();
  }

  /** Draws a device where it is being dragged, without touching the document. */
  previewMove(move: { id: DeviceId; at: Point } | undefined): void {
    const before = this.#dragged?.id;
    this.#dragged = move;
    for (const id of new Set([before, move?.id])) {
      if (id === undefined) continue;
      const view = this.#deviceViews.get(id);
      if (view) this.#positionDevice(view);
      this.#replaceLinksOf(id);
    }
    this.#placeSelection();
    this.requestRender();
  }

  previewCable(cable: { from: DeviceId; to: Point } | undefined): void {
    const from = cable && this.#positionOf(cable.from);
    if (!cable || !from) this.#cablePreview.visible = false;
    else {
      this.#stretch(this.#cablePreview, from, cable.to, CABLE_WIDTH);
      this.#cablePreview.visible = true;
    }
    this.requestRender();
  }

  /** Centres the view on the network, zoomed to fit it (never beyond 1:1). */
  fitToDocument(): void {
    const doc = this.#doc;
    const camera = this.#camera;
    if (!doc || doc.deviceOrder.length === 0) {
      camera.scale = 1;
      camera.moveCentre({ x: 0, y: 0 });
    } else {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const d of devicesInOrder(doc)) {
        const [x, y] = d.at;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
      const margin = ICON_SIZE * 2;
      const w = maxX - minX + margin * 2;
      const h = maxY - minY + margin * 2;
      camera.scale = Math.max(MIN_SCALE, Math.min(1, camera.width / w, camera.height / h));
      camera.moveCentre({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 + 10 });
    }
    this.#viewChanged();
  }

  /** Zooms about the middle of the view (menu, keyboard). */
  zoomBy(factor: number): void {
    this.zoomAt({ x: this.#camera.width / 2, y: this.#camera.height / 2 }, factor);
  }

  /** Zooms keeping the point under `screen` (canvas pixels) in place (wheel, pinch). */
  zoomAt(screen: Point, factor: number): void {
    if (this.#camera.zoomAt(screen, factor)) this.#viewChanged();
  }

  panBy(dx: number, dy: number): void {
    if (dx === 0 && dy === 0) return;
    this.#camera.panBy(dx, dy);
    this.#viewChanged();
  }

  /** The middle of what is visible, in world units (where keyboard placement puts devices). */
  viewCentre(): Point {
    return this.#camera.centre;
  }

  requestRender(): void {
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameRequested = false;
      this.#app.render();
      this.#probe.firstFrameAt ??= performance.now();
      this.#probe.frames++;
      this.#probe.scene = { devices: this.#deviceViews.size, links: this.#linkViews.size };
      this.#probe.ready = this.#doc !== undefined;
    });
  }

  #viewChanged(): void {
    const camera = this.#camera;
    this.#world.position.set(camera.x, camera.y);
    this.#world.scale.set(camera.scale);
    this.requestRender();
    for (const fn of this.#onViewChange) fn();
  }

  #resize(host: HTMLElement): void {
    const w = Math.max(1, host.clientWidth);
    const h = Math.max(1, host.clientHeight);
    this.#app.renderer.resize(w, h);
    this.#camera.resize(w, h);
    this.#viewChanged();
  }

  #applyThemeColours(): void {
    this.#selectionMark.tint = this.#theme.accent;
    this.#cablePreview.tint = this.#theme.accent;
    for (const view of this.#deviceViews.values()) {
      this.#paintDevice(view);
    }
  }

  #positionOf(id: DeviceId): Point | undefined {
    if (this.#dragged?.id === id) return this.#dragged.at;
    const d = this.#doc && deviceOf(this.#doc, id);
    return d ? { x: d.at[0], y: d.at[1] } : undefined;
  }

  #createDevice(doc: DeviceDoc): DeviceView {
    const icon = new Sprite({ texture: this.#icons.device[deviceLook(doc)], anchor: 0.5 });
    sizeIcon(icon);
    const label = new BitmapText({ text: doc.name, style: LABEL_FONT, anchor: { x: 0.5, y: 0 } });
    const plate = new Sprite({ texture: Texture.WHITE, anchor: { x: 0.5, y: 0 }, alpha: 0.85 });
    const tile = new Sprite({ texture: this.#icons.tile, anchor: 0.5 });
    tile.setSize(ICON_SIZE + 6);
    this.#devices.addChild(plate, tile, icon, label);
    const view = { doc, icon, label, plate, tile };
    this.#sizePlate(view);
    this.#paintDevice(view);
    this.#positionDevice(view);
    return view;
  }

  #updateDevice(view: DeviceView, doc: DeviceDoc): void {
    const look = deviceLook(doc);
    if (deviceLook(view.doc) !== look) {
      view.icon.texture = this.#icons.device[look];
      sizeIcon(view.icon);
    }
    if (view.doc.name !== doc.name) {
      view.label.text = doc.name;
      this.#sizePlate(view);
    }
    view.doc = doc;
    this.#positionDevice(view);
  }

  #positionDevice(view: DeviceView): void {
    const at = this.#positionOf(view.doc.id) ?? { x: view.doc.at[0], y: view.doc.at[1] };
    view.icon.position.set(at.x, at.y);
    view.label.position.set(at.x, at.y + LABEL_OFFSET);
    view.plate.position.set(at.x, at.y + LABEL_OFFSET - 1);
    view.tile.position.set(at.x, at.y);
  }

  #paintDevice(view: DeviceView): void {
    view.label.tint = this.#theme.label;
    view.plate.tint = this.#theme.background;
    view.tile.visible = this.#theme.iconTile !== undefined;
    view.tile.tint = this.#theme.iconTile ?? 0xffffff;
  }

  #sizePlate(view: DeviceView): void {
    view.plate.setSize(view.label.width + 6, view.label.height + 2);
  }

  /** Keeps sprites in document order (later devices on top), the selection mark beneath all. */
  #restack(): void {
    let i = 1;
    this.#devices.setChildIndex(this.#selectionMark, 0);
    for (const id of this.#doc?.deviceOrder ?? []) {
      const view = this.#deviceViews.get(id);
      if (!view) continue;
      this.#devices.setChildIndex(view.plate, i++);
      this.#devices.setChildIndex(view.tile, i++);
      this.#devices.setChildIndex(view.icon, i++);
      this.#devices.setChildIndex(view.label, i++);
    }
  }

  #placeSelection(): void {
    const s = this.#selection;
    const at = s?.type === 'device' ? this.#positionOf(s.id as DeviceId) : undefined;
    this.#selectionMark.visible = at !== undefined;
    if (at) this.#selectionMark.position.set(at.x, at.y + 8);
  }

  #createLink(doc: LinkDoc): void {
    const line = new Sprite({ texture: Texture.WHITE, anchor: { x: 0, y: 0.5 } });
    const lightA = new Sprite({ texture: this.#icons.light, anchor: 0.5 });
    const lightB = new Sprite({ texture: this.#icons.light, anchor: 0.5 });
    lightA.setSize(11);
    lightB.setSize(11);
    const portA = new BitmapText({ text: shortInterfaceName(doc.a.port), style: PORT_FONT, anchor: 0.5 });
    const portB = new BitmapText({ text: shortInterfaceName(doc.b.port), style: PORT_FONT, anchor: 0.5 });
    this.#links.addChild(line, lightA, lightB, portA, portB);
    const view: LinkView = { doc, line, lightA, lightB, portA, portB };
    this.#linkViews.set(doc.id, view);
    this.#indexLink(doc.id, doc);
    this.#placeLink(view);
  }

  #destroyLink(id: LinkId, view: LinkView): void {
    for (const o of [view.line, view.lightA, view.lightB, view.portA, view.portB]) o.destroy();
    this.#unindexLink(id, view.doc);
    this.#linkViews.delete(id);
  }

  #indexLink(id: LinkId, doc: LinkDoc): void {
    for (const d of [doc.a.device, doc.b.device]) {
      const set = this.#linksOf.get(d) ?? new Set<LinkId>();
      set.add(id);
      this.#linksOf.set(d, set);
    }
  }

  #unindexLink(id: LinkId, doc: LinkDoc): void {
    this.#linksOf.get(doc.a.device)?.delete(id);
    this.#linksOf.get(doc.b.device)?.delete(id);
  }

  #replaceLinksOf(device: DeviceId): void {
    for (const id of this.#linksOf.get(device) ?? []) {
      const view = this.#linkViews.get(id);
      if (view) this.#placeLink(view);
    }
  }

  #placeLink(view: LinkView): void {
    const a = this.#positionOf(view.doc.a.device);
    const b = this.#positionOf(view.doc.b.device);
    const visible = a !== undefined && b !== undefined;
    for (const o of [view.line, view.lightA, view.lightB, view.portA, view.portB]) o.visible = visible;
    if (!a || !b) return;
    const selected = this.#selection?.type === 'link' && this.#selection.id === view.doc.id;
    const theme = this.#theme;
    this.#stretch(view.line, a, b, selected ? CABLE_WIDTH * 2 : CABLE_WIDTH);
    view.line.tint = selected ? theme.accent : theme.cable;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    // A cable leaving downwards passes the device's name first: its light goes past the name.
    const clear = (down: number): number => (down > 0.5 ? LABEL_CLEARANCE : 0);
    const lightA = Math.min(LIGHT_DISTANCE + clear(uy), len / 2 - 6);
    const lightB = Math.min(LIGHT_DISTANCE + clear(-uy), len / 2 - 6);
    view.lightA.position.set(a.x + ux * lightA, a.y + uy * lightA);
    view.lightB.position.set(b.x - ux * lightB, b.y - uy * lightB);
    this.#tintLights(view);
    // Port names sit beside the cable, past the light, on the side away from the line.
    const labelA = Math.min(PORT_LABEL_DISTANCE + clear(uy), len / 2 - 4);
    const labelB = Math.min(PORT_LABEL_DISTANCE + clear(-uy), len / 2 - 4);
    // Beside the line, far enough that the text's box clears it whatever the cable's angle.
    const side = (t: BitmapText): number => Math.abs(uy) * (t.width / 2) + Math.abs(ux) * (t.height / 2) + 3;
    const sa = side(view.portA);
    const sb = side(view.portB);
    view.portA.position.set(a.x + ux * labelA - uy * sa, a.y + uy * labelA + ux * sa);
    view.portB.position.set(b.x - ux * labelB - uy * sb, b.y - uy * labelB + ux * sb);
    view.portA.tint = theme.portLabel;
    view.portB.tint = theme.portLabel;
    const showPorts = len > (PORT_LABEL_DISTANCE + LABEL_CLEARANCE) * 2 + 10;
    view.portA.visible = showPorts;
    view.portB.visible = showPorts;
  }

  #tintLights(view: LinkView): void {
    const lights = this.#lights.get(view.doc.id);
    view.lightA.tint = lightTint(this.#theme, lights?.a);
    view.lightB.tint = lightTint(this.#theme, lights?.b);
  }

  #stretch(sprite: Sprite, a: Point, b: Point, width: number): void {
    sprite.position.set(a.x, a.y);
    sprite.rotation = Math.atan2(b.y - a.y, b.x - a.x);
    sprite.setSize(Math.hypot(b.x - a.x, b.y - a.y), width);
  }
}
