import * as t from 'io-ts'

/** How a {@link LeaderAssigned} treats the current holders of the role. @since 0.1.0 */
export const Mode = t.keyof({ replace: null, add: null }, '"replace" | "add"')
