/** English user-interface strings. Every key here has a French twin in fr.ts. */
import { ERROR_TEXT } from '../../editor/document.ts';

export const en = {
  'app.title': 'Trame',
  'app.loading': 'Starting the simulator…',
  'app.startFailed': 'The simulator could not start: {reason}',
  'app.simulatorFailed':
    'The simulator stopped and cannot go on. Reload the page: your network is kept in this browser.',
  'app.reload': 'Reload',
  'app.actionFailed': 'The simulator could not do that. The network shown is the one it holds now.',
  'app.partMissing': 'Part of Trame could not be loaded. Check the network connection and try again.',

  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.view': 'View',
  'menu.help': 'Help',
  'menu.file.new': 'New',
  'menu.file.open': 'Open…',
  'menu.file.save': 'Save',
  'menu.file.examples': 'Examples',
  'menu.edit.undo': 'Undo',
  'menu.edit.redo': 'Redo',
  'menu.edit.delete': 'Delete',
  'menu.view.zoomIn': 'Zoom in',
  'menu.view.zoomOut': 'Zoom out',
  'menu.view.fit': 'Fit network',
  'menu.view.dark': 'Dark theme',
  'menu.view.language': 'Language',
  'menu.help.shortcuts': 'Keyboard shortcuts',
  'menu.help.about': 'About Trame',

  'example.smallOffice': 'Small office (VLANs, router on a stick)',

  'tool.select': 'Select and move',
  'tool.cable': 'Ethernet cable',
  'toolbar.label': 'Tools',

  'palette.label': 'Devices',
  'palette.network': 'Network devices',
  'palette.end': 'End devices',
  'palette.connections': 'Connections',
  'palette.cableAuto': 'Ethernet (automatic ports)',
  'palette.cableChoose': 'Ethernet (choose ports)',
  'palette.hint': 'Click a device, then click on the canvas. Enter places it in the middle of the view.',

  'kind.router': 'Router',
  'kind.switch': 'Switch',
  /** A switch whose model routes (a 3560-24PS). */
  'kind.multilayer': 'Multilayer switch',
  'kind.pc': 'PC',
  'kind.server': 'Server',

  /** Kinds inside a sentence ("{device} is a {kind}"). */
  'noun.router': 'router',
  'noun.switch': 'switch',
  'noun.pc': 'PC',
  'noun.server': 'server',

  'canvas.label': 'Network canvas',
  'hint.place': 'Click on the canvas to place a {kind}. Esc to stop.',
  'hint.cableFirst': 'Click the first device to cable. Esc to stop.',
  'hint.cableSecond': 'Click the device to connect to {name}. Esc to cancel.',
  'hint.choosePort': 'Choose a port on {name}',

  'ports.free': 'free',
  'ports.usedBy': 'cable to {name} {port}',

  'panel.label': 'Details',
  'panel.network': 'Network',
  'panel.devices': 'Devices',
  'panel.cables': 'Cables',
  'panel.empty': 'The network is empty. Pick a device in the palette to start.',
  'panel.select': 'Select a device to see its ports, settings and console.',
  'panel.name': 'Name',
  'panel.rename': 'Rename',
  'panel.kindIs': 'Type: {kind}',
  'panel.ports': 'Ports',
  'panel.port': 'Port',
  'panel.cable': 'Cable',
  'panel.notConnected': 'not connected',
  'panel.disconnect': 'Remove cable',
  'panel.delete': 'Delete device',
  'panel.console': 'Console',
  'panel.consoleLoading': 'Opening the console…',
  'panel.consoleMissing':
    'The console could not be loaded. Check the network connection, then select the device again.',
  'panel.cableTitle': 'Cable',
  'panel.cableEnds': '{a} {portA} ↔ {b} {portB}',

  'console.failed': 'The simulator could not run this line.',

  'connect.title': 'Connect a cable',
  'connect.from': 'Port',
  'connect.to': 'To device',
  'connect.toPort': 'Its port',
  'connect.auto': 'Automatic',
  'connect.submit': 'Connect',

  'ipform.title': 'IP configuration',
  'ipform.ip': 'IPv4 address',
  'ipform.mask': 'Subnet mask',
  'ipform.gateway': 'Default gateway',
  'ipform.mode': 'How the address is set',
  'ipform.dhcp': 'DHCP',
  'ipform.static': 'Static',
  'ipform.apply': 'Apply',
  'ipform.applied': 'IP configuration saved.',
  'ipform.badIp': '{value} is not an IPv4 address (four numbers 0-255, like 192.168.1.10).',
  'ipform.badMask': '{value} is not a subnet mask (like 255.255.255.0).',
  'ipform.maskNeeded': 'Enter a subnet mask along with the address.',

  'status.mode': 'Mode',
  'status.realtime': 'Realtime',
  'status.time': 'Time: {time}',
  'status.zoom': 'Zoom: {value}%',

  'file.saved': 'Saved {file}.',
  'file.openFailed': '{file} could not be opened:',
  'file.restored': 'Your last network was restored.',
  'file.unsavedTitle': 'Unsaved changes',
  'file.unsaved': 'The changes to {file} are not saved in a file. Save them before replacing this network?',
  'file.saveFirst': 'Save',
  'file.discard': "Don't save",
  'file.cancel': 'Cancel',

  'autosave.unreadable':
    'Your last network ({file}), kept in this browser, could not be opened, so the example is shown instead. It is set aside: download it to keep it.',
  'autosave.download': 'Download it',
  'notice.dismiss': 'Dismiss',

  'help.shortcutsTitle': 'Keyboard shortcuts',
  'help.aboutTitle': 'About Trame',
  'help.about':
    'Trame is an open-source network-lab simulator that runs in your browser: routers, switches and PCs, an IOS-style command line, and ping. Everything runs on this computer, offline.',
  'help.close': 'Close',
  'shortcut.deselect': 'Cancel the current tool, deselect',
  'shortcut.cable': 'Ethernet cable tool',
  'shortcut.select': 'Select tool',
  'shortcut.nudge': 'Move the selected device (Shift: bigger steps)',
  'shortcut.pan': 'Move the view: drag the empty canvas; zoom: mouse wheel or pinch',

  'lang.en': 'English',
  'lang.fr': 'Français',

  /** A refusal whose key this build does not know yet. */
  'error.unknown': 'the change was refused ({key})',
  // The simulator's refusals and file problems, in the words the model writes for them.
  ...ERROR_TEXT,
} as const;

export type MessageKey = keyof typeof en;
