import { useCallback, useRef, useState } from 'react';

/**
 * useReducer whose dispatch returns the new state at once. Keys that arrive in one chunk (a paste
 * ending in Enter, fast typing) are handled one after another before React renders again, so an
 * Enter must see the state every earlier key left, and act on it right there: neither the
 * render's closure nor an effect after the render can be trusted to have it.
 */
export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, initial: () => S): [S, (action: A) => S, () => S] {
  const ref = useRef<S | null>(null);
  if (ref.current === null) ref.current = initial();
  const [state, setState] = useState<S>(ref.current);
  const dispatch = useCallback(
    (action: A): S => {
      const next = reducer(ref.current as S, action);
      ref.current = next;
      setState(next);
      return next;
    },
    [reducer],
  );
  const current = useCallback((): S => ref.current as S, []);
  return [state, dispatch, current];
}
