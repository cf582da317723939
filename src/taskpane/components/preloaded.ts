import { useEffect, useState } from 'react';

/**
 * A module loaded after the pane has shown (not in its first load) and ready before it is needed: `load` starts once
 * `wanted` is true, and the hook gives the module once it is there (undefined until then). Unlike React.lazy, a
 * module already loaded renders at once, so a tab opened a moment after start-up shows no spinner.
 */
export function usePreloaded<M>(load: () => Promise<M>, wanted: boolean): M | undefined {
  const [loaded, setLoaded] = useState<M | undefined>(undefined);
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    load().then(
      (module) => {
        if (live) setLoaded(() => module);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded, load]);
  return loaded;
}
