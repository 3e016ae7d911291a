/** Canvas colours for each theme; the DOM's colours live in the stylesheet. */
export interface SceneTheme {
  readonly background: number;
  readonly label: number;
  readonly portLabel: number;
  readonly cable: number;
  readonly accent: number;
  readonly lightUp: number;
  /** Up, line protocol down. */
  readonly lightPending: number;
  readonly lightDown: number;
  /** Colour of a tile behind each device icon; none where the icons stand out on their own. */
  readonly iconTile?: number;
}

export const LIGHT_SCENE: SceneTheme = {
  background: 0xf3f6fa,
  label: 0x1b2330,
  portLabel: 0x4a5568,
  cable: 0x2f3a4a,
  accent: 0x1f5fbf,
  lightUp: 0x16a34a,
  lightPending: 0xd97706,
  lightDown: 0xdc2626,
};

export const DARK_SCENE: SceneTheme = {
  background: 0x161b22,
  label: 0xe6edf3,
  portLabel: 0xaab4c0,
  cable: 0x9aa7b6,
  accent: 0x7fb0ff,
  lightUp: 0x22c55e,
  lightPending: 0xf59e0b,
  lightDown: 0xf05252,
  iconTile: 0xc9d4e0,
};
