/** The outcome of a probe the sender could not even transmit. */
import type { ProbeOutcome } from '../api.ts';
import type { SendStatus } from '../device/ip-stack.ts';
import {
  SEND_GENERAL_FAILURE,
  SEND_INTERFACE_DOWN,
  SEND_NO_ADDRESS,
  SEND_TOO_BIG,
} from '../device/ip-stack.ts';

export const localFailure = (status: SendStatus): ProbeOutcome => ({
  kind: 'local-error',
  reason:
    status === SEND_NO_ADDRESS
      ? 'no-address'
      : status === SEND_INTERFACE_DOWN
        ? 'interface-down'
        : status === SEND_TOO_BIG
          ? 'too-big'
          : status === SEND_GENERAL_FAILURE
            ? 'general-failure'
            : 'no-route',
});
