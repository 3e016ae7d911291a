/**
 * Property tests run from a fixed seed so a test run is reproducible: the same commit gives
 * the same verdict on every machine. To explore new inputs, run with `FC_SEED=random` (or a
 * number); a failure prints its seed and path, which reproduce it with `FC_SEED=<seed>`.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261123;

const requested = process.env.FC_SEED;
const seed =
  requested === 'random'
    ? Math.floor(Math.random() * 0x7fffffff)
    : requested !== undefined && requested !== ''
      ? Number(requested)
      : DEFAULT_SEED;

if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${requested}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
