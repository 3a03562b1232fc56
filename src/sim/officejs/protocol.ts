/**
 * The wire protocol between Microsoft's Office.js client and Excel ("RichApi"),
 * as the client library builds and reads it
 * (@microsoft/office-js/dist/excel-web-16.00.debug.js: ClientRequestBase.
 * buildRequestMessageBodyAndRequestFlags builds the body;
 * ClientRequestContext.processRequestExecutorResponseMessage and
 * ClientRequestBase.processResponse read the answer).
 */

/** ObjectPathInfo.ObjectPathType. */
export const PathType = {
  global: 1,
  newObject: 2,
  method: 3,
  property: 4,
  indexer: 5,
  referenceId: 6,
  nullObject: 7,
} as const;

/** ActionInfo.ActionType. */
export const ActionType = {
  instantiate: 1,
  query: 2,
  method: 3,
  setProperty: 4,
  trace: 5,
} as const;

/** Request flag set by Excel.run({ delayForCellEdit: true }) (onBeforeExcelRun in the library). */
export const FLAG_DELAY_FOR_CELL_EDIT = 64;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: the id of the object path passed there, 0 for a plain value. */
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseError {
  Code: string;
  Message: string;
  Location?: string;
  /** Index in Actions of the action that failed: the client names its statement in debugInfo. */
  ActionIndex?: number;
  HttpStatusCode: number;
}

export interface ResponseBody {
  Results?: ActionResult[];
  Error?: ResponseError;
}

/** What a request executor's executeAsync resolves to (RequestExecutorResponseMessage). */
export interface ResponseMessage {
  HttpStatusCode: number;
  ErrorCode: string | null;
  ErrorMessage: string | null;
  Headers: Record<string, string>;
  Body: ResponseBody | null;
}

/** "GetUsedRangeOrNullObject" -> "getUsedRangeOrNullObject": wire names are the API's, capitalised. */
export function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A loaded object as the client's _handleResult functions read it: property
 * names capitalised ("Values", "Address"), a collection's items under "_Items".
 * Arrays of cell values are passed through untouched.
 */
export function wireObject(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'items' && Array.isArray(value)) out._Items = value.map(wireObject);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      out[key.charAt(0).toUpperCase() + key.slice(1)] = wireObject(value);
    else out[key.charAt(0).toUpperCase() + key.slice(1)] = value;
  }
  return out;
}
