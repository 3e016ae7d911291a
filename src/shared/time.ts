/** Virtual time in microseconds since the simulation started. Never wall-clock time. */
export type Micros = number & { readonly __unit: 'us' };

export const micros = (n: number): Micros => n as Micros;
export const ms = (n: number): Micros => (n * 1_000) as Micros;
export const seconds = (n: number): Micros => (n * 1_000_000) as Micros;
