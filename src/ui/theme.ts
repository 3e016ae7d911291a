/** Light (default) and dark themes: the stylesheet reads data-theme, the canvas its own colours. */
import { DARK_SCENE, LIGHT_SCENE, type SceneTheme } from '../render/theme.ts';
import { prefs } from './prefs.ts';

export type ThemeName = 'light' | 'dark';
const STORAGE_KEY = 'trame.theme';

export function savedTheme(): ThemeName {
  return prefs.getItem(STORAGE_KEY) === 'dark' ? 'dark' : 'light';
}

export function applyTheme(name: ThemeName): SceneTheme {
  document.documentElement.dataset['theme'] = name;
  prefs.setItem(STORAGE_KEY, name);
  return name === 'dark' ? DARK_SCENE : LIGHT_SCENE;
}
