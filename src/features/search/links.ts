/** Links the search island takes over: a plain click runs in place, a modified one (new tab…) is left alone. */
import type { MouseEvent } from 'react';

/** A click handler that runs `action` instead of following the link, for plain left clicks only. */
export function onPlainClick(action: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    action();
  };
}
