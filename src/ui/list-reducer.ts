/**
 * A list the user moves through with the arrow keys: which row has focus, which rows are ticked
 * (multi-select), and which slice fits the terminal. Pure, so every key press is testable
 * without a terminal.
 */
export interface ListState {
  readonly count: number;
  readonly focus: number;
  readonly ticked: readonly boolean[];
  /** First row shown; rows [top, top + visible) are on screen. */
  readonly top: number;
  readonly visible: number;
}

export type ListAction = { readonly type: 'up' } | { readonly type: 'down' } | { readonly type: 'toggle' } | { readonly type: 'home' };

export function initList(count: number, focus: number, visible: number, ticked: readonly boolean[] = []): ListState {
  const f = Math.max(0, Math.min(focus, count - 1));
  const v = Math.max(1, Math.min(visible, count));
  return { count, focus: f, ticked: Array.from({ length: count }, (_, i) => ticked[i] === true), top: scrollTop(0, f, v, count), visible: v };
}

/** Keep the focused row on screen, moving the window as little as possible. */
function scrollTop(top: number, focus: number, visible: number, count: number): number {
  if (focus < top) return focus;
  if (focus >= top + visible) return Math.min(focus - visible + 1, Math.max(0, count - visible));
  return top;
}

export function listReducer(state: ListState, action: ListAction): ListState {
  if (state.count === 0) return state;
  switch (action.type) {
    case 'up': {
      // Wraps around, as shells' menus do.
      const focus = (state.focus - 1 + state.count) % state.count;
      return { ...state, focus, top: scrollTop(state.top, focus, state.visible, state.count) };
    }
    case 'down': {
      const focus = (state.focus + 1) % state.count;
      return { ...state, focus, top: scrollTop(state.top, focus, state.visible, state.count) };
    }
    case 'home':
      return { ...state, focus: 0, top: 0 };
    case 'toggle':
      return { ...state, ticked: state.ticked.map((t, i) => (i === state.focus ? !t : t)) };
  }
}
