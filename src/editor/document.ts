/**
 * The document as the page's panels read it: the model's types, read accessors, commands and
 * file writer, offered here so that the UI depends on the editor rather than on the model.
 */
export type { DocCommand } from '../model/commands.ts';
export {
  type DeviceDoc,
  deviceOf,
  devicesInOrder,
  linkOf,
  linksInOrder,
  type NetworkDoc,
} from '../model/document.ts';
export { ERROR_TEXT } from '../model/errors.ts';
export { saveNetwork } from '../model/save.ts';
