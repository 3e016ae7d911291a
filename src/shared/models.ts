/**
 * Hardware models. A switch is a Catalyst 2960-24TT (layer 2 only) unless its entry names a
 * 3560-24PS, a multilayer switch: the same 24 FastEthernet and 2 GigabitEthernet ports, plus
 * `ip routing` between its VLAN interfaces (Packet Tracer offers the two under these names).
 */
export const SWITCH_MODELS = ['2960-24TT', '3560-24PS'] as const;
export type SwitchModel = (typeof SWITCH_MODELS)[number];

/** What a switch with no `model` is. */
export const DEFAULT_SWITCH_MODEL: SwitchModel = '2960-24TT';

/** Whether a switch of this model routes (takes `ip routing`). */
export const isMultilayer = (model: SwitchModel | undefined): boolean => model === '3560-24PS';
