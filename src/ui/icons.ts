/** Toolbar and palette pictograms (24x24, drawn with the current text colour). */
export const ICONS = {
  new: '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4"/>',
  open: '<path d="M3 7h6l2 2h10v10H3z"/>',
  save: '<path d="M5 4h11l3 3v13H5z"/><path d="M8 4v5h7V4"/><path d="M8 20v-6h8v6"/>',
  undo: '<path d="M9 7 4 12l5 5"/><path d="M4 12h11a5 5 0 0 1 0 10h-3"/>',
  redo: '<path d="m15 7 5 5-5 5"/><path d="M20 12H9a5 5 0 0 0 0 10h3"/>',
  select: '<path d="M5 3l14 8-6 2-3 6z"/>',
  pan: '<path d="M12 3v18M3 12h18"/><path d="m9 6 3-3 3 3M9 18l3 3 3-3M6 9l-3 3 3 3M18 9l3 3-3 3"/>',
  cable: '<path d="M4 20c4-8 12-8 16-16"/><circle cx="4" cy="20" r="1.8"/><circle cx="20" cy="4" r="1.8"/>',
  zoomIn: '<circle cx="10" cy="10" r="6"/><path d="m15 15 5 5M7 10h6M10 7v6"/>',
  zoomOut: '<circle cx="10" cy="10" r="6"/><path d="m15 15 5 5M7 10h6"/>',
  fit: '<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>',
  router: '<circle cx="12" cy="12" r="9"/><path d="m8 8 3 3M16 16l-3-3M13 11l3-3M11 13l-3 3"/>',
  switch:
    '<rect x="2" y="7" width="20" height="10" rx="2"/><path d="M6 10h12m-2-2 2 2-2 2M18 14H6m2-2-2 2 2 2"/>',
  // The switch's box and lanes, with the up and down arrows diagrams give multilayer switches.
  multilayer:
    '<rect x="2" y="11" width="20" height="10" rx="2"/><path d="M6 14h12m-2-2 2 2-2 2M18 18H6m2-2-2 2 2 2"/><path d="M9 9V2M7 4l2-2 2 2M15 2v7m-2-2 2 2 2-2"/>',
  pc: '<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M9 20h6M12 16v4"/>',
  server: '<rect x="7" y="2" width="10" height="20" rx="1"/><path d="M10 6h4M10 9h4M10 12h4"/>',
  cableChoose:
    '<path d="M4 20c4-8 12-8 16-16"/><rect x="2" y="18" width="4" height="4"/><rect x="18" y="2" width="4" height="4"/>',
} as const;
