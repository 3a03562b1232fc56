/**
 * Errors of the simulated host, shaped like OfficeExtension.Error (name
 * "RichApi.Error", code, message, debugInfo) with Office.js's own messages,
 * so code that handles Excel's errors handles these the same way.
 */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  mergedRangeConflict: 'MergedRangeConflict',
  nonBlankCellOffSheet: 'NonBlankCellOffSheet',
  notImplemented: 'NotImplemented',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestAborted: 'RequestAborted',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  unsupportedOperation: 'UnsupportedOperation',
} as const;

/** OfficeExtension.ErrorCodes: raised on the client, before or without a round trip. */
export const ExtensionErrorCodes = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  activityLimitReached: 'ActivityLimitReached',
  invalidObjectPath: 'InvalidObjectPath',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  invalidRequestContext: 'InvalidRequestContext',
  invalidArgument: 'InvalidArgument',
  runMustReturnPromise: 'RunMustReturnPromise',
  cannotRegisterEvent: 'CannotRegisterEvent',
  apiNotFound: 'ApiNotFound',
  connectionFailure: 'ConnectionFailure',
} as const;

const DOCS =
  'https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';

export const Messages = {
  propertyNotLoaded: (prop: string) =>
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  valueNotLoaded: () =>
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  requestTooLarge: () =>
    `The request payload size has exceeded the limit. Please refer to the documentation: "${DOCS}".`,
  responseTooLarge: () =>
    `The response payload size has exceeded the limit. Please refer to the documentation: "${DOCS}".`,
  itemNotFound: () => "The requested resource doesn't exist.",
  invalidArgument: () => 'The argument is invalid or missing or has an incorrect format.',
  shapeMismatch: () =>
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  invalidObjectPath: (path: string) =>
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  invalidRequestContext: () => 'Cannot use the object across different request contexts.',
  runMustReturnPromise: () =>
    `The batch function passed to the ".run" method didn't return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".`,
  protectedSheet: () =>
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
  mergedCell: () => "We can't do that to a merged cell.",
  rangeExceedsLimit: () =>
    'The cell count in the range has exceeded the maximum supported number. See https://aka.ms/excellimits for more information.',
  // Office.js's general AccessDenied text, with what the user can do: the add-in tells these apart from
  // a protected sheet by Office.context.document.mode and WorksheetProtection.protected.
  readOnlyWorkbook: () =>
    'You cannot perform the requested operation. The workbook is open read-only; save a copy to make changes.',
  viewOnlyWorkbook: () =>
    'You cannot perform the requested operation. The workbook is open for viewing only; switch to Editing to make changes.',
  settingsTooLarge: () => 'The argument is invalid or missing or has an incorrect format.',
  notSimulated: (what: string) =>
    `${what} is not simulated by the SKM Rekap Excel host (src/sim). Add it there if the add-in needs it.`,
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
}

export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: SimOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function simError(code: string, message: string, errorLocation?: string): SimOfficeError {
  return new SimOfficeError(code, message, errorLocation);
}
