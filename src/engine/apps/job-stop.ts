/**
 * Gives a probe job its `stop` (Ctrl+C at a console) without making it other than plain data:
 * the method is not enumerable, so a structured copy or JSON of the job carries its fields only.
 */
export function withStop<J extends object>(job: J, stop: () => void): J & { stop(): void } {
  return Object.defineProperty(job, 'stop', { value: stop, enumerable: false }) as J & { stop(): void };
}
