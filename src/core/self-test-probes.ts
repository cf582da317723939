import { redactText, type ProbeOutcome, type ProbeResult } from './self-test-report';

/**
 * The probes of a self-test as its report lists them, the same for every host's runner (hosts/office/self-test.ts,
 * hosts/wps/self-test.ts): each with what it found, or 未运行 where it never ran.
 */

/** What a probe that never ran (an earlier step failed) is reported as. */
export const NOT_RUN: ProbeOutcome = { status: 'failed', error: '未运行' };

/**
 * The probes in the order given, each with its outcome, the error text of a failed one cleaned of `keepOut` (the
 * clerk's sheet and file names: redactText).
 */
export function listedProbes(
  probes: readonly { id: string; label: string }[],
  outcomes: ReadonlyMap<string, ProbeOutcome>,
  keepOut: readonly string[],
): ProbeResult[] {
  return probes.map(({ id, label }): ProbeResult => {
    const outcome = outcomes.get(id) ?? NOT_RUN;
    return {
      id,
      label,
      outcome: outcome.status === 'failed' ? { status: 'failed', error: redactText(outcome.error, keepOut) } : outcome,
    };
  });
}
