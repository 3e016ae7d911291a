/**
 * Device icons and small marks, drawn once as vector shapes and baked into textures that
 * every sprite then shares (no Graphics is redrawn while the scene is steady).
 */
import { Graphics, type Renderer, type Texture } from 'pixi.js';
import { ICON_SIZE } from '../shared/geometry.ts';
import type { DeviceLook } from './device-look.ts';

export interface IconTextures {
  /** One per look, not per kind: a multilayer switch has its own (see deviceLook). */
  readonly device: Readonly<Record<DeviceLook, Texture>>;
  /** White disc with a dark rim, tinted per light state. */
  readonly light: Texture;
  /** White rounded outline, tinted with the accent colour. */
  readonly selection: Texture;
  /** White rounded square behind an icon, for themes whose background is too dark for the icons. */
  readonly tile: Texture;
}

const S = ICON_SIZE;
const WHITE = 0xffffff;

function arrow(
  g: Graphics,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  head: number,
  color = WHITE,
  width = 2.5,
): void {
  const a = Math.atan2(y2 - y1, x2 - x1);
  g.moveTo(x1, y1).lineTo(x2, y2).stroke({ width, color, cap: 'round' });
  g.poly([
    x2 + Math.cos(a) * 1,
    y2 + Math.sin(a) * 1,
    x2 - Math.cos(a - 0.5) * head,
    y2 - Math.sin(a - 0.5) * head,
    x2 - Math.cos(a + 0.5) * head,
    y2 - Math.sin(a + 0.5) * head,
  ]).fill(color);
}

function router(): Graphics {
  const g = new Graphics();
  const c = S / 2;
  // A router is drawn, as by convention, as a round cylinder seen from above with four arrows.
  g.circle(c, c, S / 2 - 2)
    .fill(0x1e5aa0)
    .stroke({ width: 2, color: 0x0f3766 });
  const r = S / 2 - 9;
  arrow(g, c - r, c - r, c - 4, c - 4, 6);
  arrow(g, c + r, c + r, c + 4, c + 4, 6);
  arrow(g, c + 3, c - 3, c + r, c - r, 6);
  arrow(g, c - 3, c + 3, c - r, c + r, 6);
  return g;
}

const SWITCH_FILL = 0x157a6e;
const SWITCH_RIM = 0x0b4a43;

/** A switch's box, 28 high from `top`, with its two lanes of traffic. */
function switchBox(g: Graphics, top: number): void {
  g.roundRect(1, top, S - 2, 28, 5)
    .fill(SWITCH_FILL)
    .stroke({ width: 2, color: SWITCH_RIM });
  arrow(g, 10, top + 9, S - 10, top + 9, 6);
  arrow(g, S - 10, top + 19, 10, top + 19, 6);
}

function networkSwitch(): Graphics {
  const g = new Graphics();
  switchBox(g, S / 2 - 14);
  return g;
}

/**
 * A multilayer switch, as network diagrams draw one: the switch's box, with an up and a down
 * arrow standing on it for the routing between its layers. The arrows take the box's rim
 * colour: they lie on the canvas (or the dark theme's light tile), not on the box.
 */
function multilayerSwitch(): Graphics {
  const g = new Graphics();
  const top = S - 29;
  switchBox(g, top);
  arrow(g, S / 2 - 8, top - 4, S / 2 - 8, 4, 9, SWITCH_RIM, 3.5);
  arrow(g, S / 2 + 8, 2, S / 2 + 8, top - 5, 9, SWITCH_RIM, 3.5);
  return g;
}

function pc(): Graphics {
  const g = new Graphics();
  g.roundRect(3, 5, S - 6, 30, 3)
    .fill(0x39424e)
    .stroke({ width: 1.5, color: 0x1f252c });
  g.rect(7, 9, S - 14, 22).fill(0x5fa8e8);
  g.rect(S / 2 - 4, 35, 8, 6).fill(0x39424e);
  g.roundRect(S / 2 - 13, 41, 26, 4, 2).fill(0x39424e);
  return g;
}

function server(): Graphics {
  const g = new Graphics();
  const x = S / 2 - 14;
  g.roundRect(x, 2, 28, S - 4, 3)
    .fill(0x4a5563)
    .stroke({ width: 1.5, color: 0x262d36 });
  for (let i = 0; i < 4; i++) g.rect(x + 5, 8 + i * 8, 18, 4).fill(0x9fb3c8);
  g.circle(S / 2, S - 10, 2.5).fill(0x4ade80);
  return g;
}

export function drawIcons(renderer: Renderer): IconTextures {
  const bake = (g: Graphics): Texture => {
    const texture = renderer.generateTexture({ target: g, resolution: 3, antialias: true });
    g.destroy();
    return texture;
  };
  const light = new Graphics().circle(7, 7, 5.5).fill(WHITE).stroke({ width: 1.5, color: 0x1a1a1a });
  const selection = new Graphics()
    .roundRect(0, 0, S + 14, S + 14, 10)
    .stroke({ width: 3, color: WHITE, alignment: 1 });
  return {
    device: {
      router: bake(router()),
      switch: bake(networkSwitch()),
      multilayer: bake(multilayerSwitch()),
      pc: bake(pc()),
      server: bake(server()),
    },
    light: bake(light),
    selection: bake(selection),
    tile: bake(new Graphics().roundRect(0, 0, S + 6, S + 6, 9).fill(WHITE)),
  };
}
