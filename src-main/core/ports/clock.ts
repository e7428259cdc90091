// The clock port: the flow asks for "now" here, so tests can move time without sleeping.

/** Milliseconds since the epoch, like Date.now. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
