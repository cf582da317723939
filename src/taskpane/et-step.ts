/**
 * Runs a synchronous ET step as the pane's promise-returning host call, after the pane has painted its busy state
 * (the step holds the page until it returns); a throw becomes a rejection.
 */
export function later<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(work());
      } catch (err) {
        reject(err);
      }
    }, 0),
  );
}
