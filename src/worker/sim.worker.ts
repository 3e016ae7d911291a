/**
 * The simulation thread: one Session (document + engine + consoles), the only writer,
 * exposed to the page over comlink. The page sees it through client.ts only.
 */
import * as Comlink from 'comlink';
import { Session } from '../session/session.ts';

Comlink.expose(new Session({}));
