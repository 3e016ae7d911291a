/**
 * Float64Arrays whose storage starts on a cache-line boundary, for the engine's tables of
 * 64-byte records (the scheduler's events, the port table) and 32-byte slots (the slot store).
 *
 * An ordinary ArrayBuffer's storage is only 16-byte aligned: Node's allocator returns addresses
 * 16 or 48 bytes past a 64-byte boundary, so every 64-byte record straddles two cache lines
 * and a frame's event costs two misses where one would do. A WebAssembly memory is
 * page-aligned, and a plain ArrayBuffer under a view like any other: no module is compiled.
 * Where WebAssembly is missing (a locked-down browser) or the memory cannot be reserved (a
 * 64-bit engine reserves gigabytes of address space per memory for its bounds checks, which a
 * 32-bit browser or valgrind may not have), the array is an ordinary one, only slower.
 */

/** WebAssembly memories grow by pages of 64 KiB. */
const WASM_PAGE = 65_536;

/** A zero-filled Float64Array of `length` numbers, aligned to at least 64 bytes where possible. */
export function alignedFloat64(length: number): Float64Array {
  if (typeof WebAssembly === 'undefined') return new Float64Array(length);
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil((length * 8) / WASM_PAGE) });
    return new Float64Array(memory.buffer, 0, length);
  } catch {
    return new Float64Array(length);
  }
}
