/** Exhaustiveness check for discriminated unions: a new member that is not handled fails to compile. */
export function assertNever(value: never, message = 'Unhandled case'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
