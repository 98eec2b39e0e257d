/** Shapes shared by the counter description tables. */

/**
 * Where a description was read: the kernel's `snmp_counter.rst`, an RFC defining the MIB
 * object, or kernel source files (the one printing the name + the one incrementing it).
 */
export type CounterSource = 'snmp_counter.rst' | `RFC ${number}` | `kernel source ${string}`;

/** Marks a counter that no authoritative text describes. */
export const NOT_DOCUMENTED = 'not documented';

/** nstat name -> [what it counts, source], or `NOT_DOCUMENTED`. */
export type CounterDocTable = Readonly<Record<string, readonly [text: string, source: CounterSource] | typeof NOT_DOCUMENTED>>;
