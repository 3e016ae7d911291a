/** Tree builders bound to IOS handlers, so command files read like the IOS help they produce. */
import { type ArgType, argument, type Handler, handler, keyword, type Node } from '../parser/tree.ts';
import type { IosEnv } from './env.ts';

export type IosNode = Node<IosEnv>;
export type IosArgType = ArgType<IosEnv>;
export type IosPart = Parameters<typeof keyword<IosEnv>>[2];

export const kw = (word: string, help: string, ...parts: IosPart[]): IosNode =>
  keyword<IosEnv>(word, help, ...parts);
export const arg = (
  name: string,
  type: ArgType<IosEnv> | ArgType<unknown>,
  help: string,
  ...parts: IosPart[]
): IosNode => argument<IosEnv>(name, type as ArgType<IosEnv>, help, ...parts);
export const run = (h: Handler<IosEnv>) => handler<IosEnv>(h);
export { HIDDEN, incompleteMessage } from '../parser/tree.ts';
