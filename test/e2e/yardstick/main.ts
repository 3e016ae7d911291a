/**
 * The yardstick for Trame's first load: the smallest PixiJS app that draws what Trame's first
 * frame draws (sprites and bitmap-font labels) with the same renderer. Built with Trame's Vite
 * configuration and measured the same way (first-load.test.ts).
 */
import { Application, BitmapText, Sprite, Texture } from 'pixi.js';

const app = new Application();
await app.init({ width: 800, height: 600, preference: 'webgl', antialias: true, autoStart: false });
document.body.appendChild(app.canvas);
const icon = new Sprite({ texture: Texture.WHITE, width: 48, height: 48, position: { x: 100, y: 100 } });
const label = new BitmapText({
  text: 'R1',
  style: { fontSize: 13, fill: 0xffffff },
  position: { x: 110, y: 152 },
});
app.stage.addChild(icon, label);
app.render();
(globalThis as { __firstFrameAt?: number }).__firstFrameAt = performance.now();
