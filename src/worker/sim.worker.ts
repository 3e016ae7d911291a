/**
 * The simulation thread: one Session (document + engine + consoles), the only writer,
 * exposed to the page over comlink. The page sees it through client.ts only.
 */
import * as Comlink from 'comlink';
import { Session } from '../session/session.ts';

// The app's consoles print ping and traceroute as its clock runs.
Comlink.expose(new Session({ streaming: true, paging: true }));
