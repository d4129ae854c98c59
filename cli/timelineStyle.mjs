// The look of a timeline, shared by the demo's pictures (cli/svg.mjs) and the local room server's
// dashboard (cli/dashboard.html, which `serve` hands this object when it serves the page).
export const TIMELINE_STYLE = {
  LEFT: 64,
  RIGHT: 40,
  /** Width of one character of the 11 px monospace labels. */
  CHAR_W: 6.7,
  MIN_COL: 84,
  MAX_COL: 250,
  BREAK_W: 30,
  LINE_H: 13,
  COLORS: {
    Logining: '#d98b00',
    Reconnecting: '#d98b00',
    Logined: '#2e8b57',
    Reconnected: '#2e8b57',
    LoginFailed: '#c62828',
    ReconnectFailed: '#c62828',
    KickOut: '#c62828',
    LogoutFailed: '#c62828',
    Logout: '#6b6b6b',
  },
};

/** The placeholder in dashboard.html that `serve` replaces with TIMELINE_STYLE. */
export const TIMELINE_STYLE_PLACEHOLDER = '/* TIMELINE_STYLE */ {}';
