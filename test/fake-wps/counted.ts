/**
 * Every member of a fake ET object reached through a proxy that counts: a property read, a property write and a
 * method call are one call each, as each crosses from the pane to WPS's process (~0.2 ms each: aiworkdeck
 * wpsEtHandlers.js header). A member the fake does not model throws, so the adapter cannot use one unnoticed.
 */
export class CallCounter {
  calls = 0;
  readonly byMember = new Map<string, number>();

  count(member: string): void {
    this.calls++;
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
  }

  reset(): void {
    this.calls = 0;
    this.byMember.clear();
  }
}

/** Names that jest, console.log and Promise resolution look up on any object; not ET members. */
const INSPECTED = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'constructor', 'toString', 'valueOf']);

export function counted<T extends object>(target: T, kind: string, counter: CallCounter): T {
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol' || INSPECTED.has(prop)) return Reflect.get(t, prop, t) as unknown;
      if (!(prop in t)) throw new Error(`fake ET: ${kind}.${prop} is not modelled`);
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.count(`${kind}.${prop}()`);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      }
      counter.count(`${kind}.${prop}`);
      return value;
    },
    set(t, prop, value) {
      if (typeof prop === 'symbol' || !(prop in t)) throw new Error(`fake ET: ${kind}.${String(prop)} is not modelled`);
      counter.count(`${kind}.${prop}=`);
      return Reflect.set(t, prop, value, t);
    },
  });
}
