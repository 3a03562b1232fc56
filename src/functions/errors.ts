/**
 * Errors the custom functions throw so that Excel shows #VALUE! or #NUM! with
 * a message. In Excel the class is the runtime's CustomFunctions.Error; in Node
 * (tests, the CLI) there is no such global, so a stand-in with the same shape
 * ({ code, message }) is used instead.
 */

export type ErrorCodeValue = '#VALUE!' | '#NUM!';

/** Stand-in for CustomFunctions.Error outside Excel. */
export class FunctionError extends Error {
  readonly code: ErrorCodeValue;

  constructor(code: ErrorCodeValue, message: string) {
    super(message);
    this.name = 'CustomFunctionError';
    this.code = code;
  }
}

interface RuntimeErrors {
  Error: new (code: string, message?: string) => object;
  ErrorCode: { invalidValue: string; invalidNumber: string };
}

/** The runtime's CustomFunctions, looked up on each call: Office.js may define it after this module loads. */
function runtime(): RuntimeErrors | null {
  const cf = (globalThis as unknown as { CustomFunctions?: Partial<RuntimeErrors> })
    .CustomFunctions;
  return cf && typeof cf.Error === 'function' && cf.ErrorCode ? (cf as RuntimeErrors) : null;
}

function make(code: ErrorCodeValue, message: string): Error {
  const cf = runtime();
  if (!cf) return new FunctionError(code, message);
  // The runtime's class extends Error, though its typings do not say so.
  return new cf.Error(
    code === '#NUM!' ? cf.ErrorCode.invalidNumber : cf.ErrorCode.invalidValue,
    message,
  ) as Error;
}

/** #VALUE!: the input cannot be read (wrong shape, text, blank). */
export function invalidValue(message: string): Error {
  return make('#VALUE!', message);
}

/**
 * #NUM!: a number outside its range. Excel shows custom messages only for
 * #VALUE! and #N/A, so the message reaches the user only through tests and logs.
 */
export function invalidNumber(message: string): Error {
  return make('#NUM!', message);
}

/** True for an error made here (by the runtime's class or the stand-in). */
export function isFunctionError(e: unknown): boolean {
  if (e instanceof FunctionError) return true;
  const cf = runtime();
  return cf !== null && e instanceof cf.Error;
}

/**
 * Runs a function body so that nothing but a function error leaves it: an
 * unexpected exception becomes #VALUE! with its text, never an uncaught throw.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isFunctionError(e)) throw e;
    throw invalidValue(`Kesalahan tak terduga: ${e instanceof Error ? e.message : String(e)}`);
  }
}
