/**
 * Offline checks of the add-in-only XML manifest and of functions.json: the
 * mistakes that make Office refuse or half-load the add-in, found without
 * the network (`office-addin-manifest validate` calls a Microsoft service).
 * Returns problems as data; scripts/validate-manifest.ts prints them.
 *
 * Sources: Microsoft's manifest reference (resid at most 32 characters,
 * ShortStrings 125, LongStrings 250), "Configure your Office Add-in to use a
 * shared runtime" (one resid for Runtime, FunctionFile, the custom functions'
 * Page and the task pane), add-in commands icon sizes (16/32/80), and the
 * custom functions metadata rules (ids of A-Z, 0-9, '.', '_').
 */
import { DOMParser } from '@xmldom/xmldom';
import { highestExcelApi } from '../taskpane/excel/requirements';

export type ProblemCode =
  | 'xml-malformed'
  | 'structure'
  | 'resid-missing'
  | 'resid-wrong-kind'
  | 'resid-duplicate'
  | 'resid-too-long'
  | 'string-too-long'
  | 'shared-runtime'
  | 'requirements'
  | 'url-not-https'
  | 'url-outside-base'
  | 'icon-size'
  | 'icon-file'
  | 'namespace'
  | 'functions-json'
  | 'function-id';

export interface Problem {
  code: ProblemCode;
  message: string;
}

export interface ManifestOptions {
  /**
   * Every URL must be under it. Default: the folder of DefaultSettings/SourceLocation
   * (https://host/addin for https://host/addin/taskpane.html).
   */
  baseUrl?: string;
  /**
   * Reads a file by its path under the base URL ("assets/icon-32.png"); null
   * when it does not exist. Without it, icon files are not checked.
   */
  readFile?: (relativePath: string) => Uint8Array | null;
  /** The custom functions namespace the manifest must declare. */
  namespace?: string;
}

type XmlElement = {
  localName: string | null;
  nodeType: number;
  childNodes: ArrayLike<unknown>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
};

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

const RESOURCE_KINDS: readonly ResourceKind[] = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
const MAX_RESID = 32;
const MAX_STRING: Partial<Record<ResourceKind, number>> = { ShortStrings: 125, LongStrings: 250 };
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;
export const ICON_URL_SIZE = 32;
export const HIGH_RESOLUTION_ICON_SIZE = 64;

/** The resource kind a resid must name, by the element that carries it. */
const KIND_OF_ELEMENT: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  LearnMoreUrl: 'Urls',
  Namespace: 'ShortStrings',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function elements(node: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const c of Array.from(n.childNodes) as XmlElement[]) {
      if (c.nodeType === 1) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
}

function children(node: XmlElement, name?: string): XmlElement[] {
  return (Array.from(node.childNodes) as XmlElement[]).filter(
    (c) => c.nodeType === 1 && (!name || c.localName === name),
  );
}

function child(node: XmlElement, name: string): XmlElement | null {
  return children(node, name)[0] ?? null;
}

function xsiType(e: XmlElement): string | null {
  return e.getAttribute('xsi:type');
}

function normaliseBase(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The folder of the default source location: the add-in's base URL as the manifest states it. */
export function manifestBaseUrl(xml: string): string | null {
  const m = /<DefaultSettings>[\s\S]*?<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml);
  if (!m) return null;
  try {
    return normaliseBase(new URL('.', m[1]).href);
  } catch {
    return null;
  }
}

/** Width and height of a PNG, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function parse(xml: string, problems: Problem[]): XmlElement | null {
  const errors: string[] = [];
  let doc: { documentElement: XmlElement | null } | null = null;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement | null };
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  for (const e of errors)
    problems.push({
      code: 'xml-malformed',
      message: `XML is not well-formed: ${e.split('\n')[0]}`,
    });
  if (errors.length > 0) return null;
  const root = doc?.documentElement ?? null;
  if (!root || root.localName !== 'OfficeApp') {
    problems.push({ code: 'structure', message: 'The root element must be OfficeApp.' });
    return null;
  }
  return root;
}

/** Problems of an add-in-only manifest; an empty list when it is fit to sideload. */
export function validateManifest(xml: string, options: ManifestOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const root = parse(xml, problems);
  if (!root) return problems;
  const all = elements(root);
  const named = (name: string) => all.filter((e) => e.localName === name);
  const add = (code: ProblemCode, message: string) => problems.push({ code, message });

  // Add-in type, host, permissions.
  if (xsiType(root) !== 'TaskPaneApp')
    add('structure', 'OfficeApp must have xsi:type="TaskPaneApp".');
  const hosts = child(root, 'Hosts');
  if (!hosts || !children(hosts, 'Host').some((h) => h.getAttribute('Name') === 'Workbook')) {
    add('structure', 'Hosts must contain <Host Name="Workbook"/> (Excel).');
  }
  const permissions = child(root, 'Permissions')?.textContent?.trim();
  if (permissions !== 'ReadWriteDocument')
    add('structure', `Permissions must be ReadWriteDocument, not "${permissions ?? ''}".`);

  // Resources.
  const resources = new Map<ResourceKind, Map<string, string>>(
    RESOURCE_KINDS.map((k) => [k, new Map()]),
  );
  const resourcesEl = named('Resources')[0] ?? null;
  if (!resourcesEl) add('structure', 'VersionOverrides has no Resources.');
  for (const kind of RESOURCE_KINDS) {
    const list = resourcesEl ? child(resourcesEl, kind) : null;
    for (const item of list ? children(list) : []) {
      const id = item.getAttribute('id') ?? '';
      const value = item.getAttribute('DefaultValue') ?? '';
      if (resources.get(kind)!.has(id)) add('resid-duplicate', `bt:${kind} defines "${id}" twice.`);
      if (id.length > MAX_RESID)
        add(
          'resid-too-long',
          `Resource id "${id}" has ${id.length} characters; at most ${MAX_RESID}.`,
        );
      const max = MAX_STRING[kind];
      if (max !== undefined && value.length > max) {
        add(
          'string-too-long',
          `bt:${kind} "${id}" has ${value.length} characters; at most ${max}.`,
        );
      }
      resources.get(kind)!.set(id, value);
    }
  }
  const kindOf = (id: string) => RESOURCE_KINDS.find((k) => resources.get(k)!.has(id)) ?? null;
  for (const e of all.filter((x) => x.hasAttribute('resid'))) {
    const id = e.getAttribute('resid') ?? '';
    const expected = KIND_OF_ELEMENT[e.localName ?? ''];
    const found = kindOf(id);
    if (id.length > MAX_RESID)
      add('resid-too-long', `resid "${id}" has ${id.length} characters; at most ${MAX_RESID}.`);
    if (!found)
      add(
        'resid-missing',
        `${e.localName} refers to resid "${id}", which no bt:${expected ?? 'resource'} defines.`,
      );
    else if (expected && found !== expected) {
      add(
        'resid-wrong-kind',
        `${e.localName} refers to resid "${id}" in bt:${found}; it must be in bt:${expected}.`,
      );
    }
  }
  const resource = (kind: ResourceKind, id: string | null) =>
    id === null ? undefined : resources.get(kind)!.get(id);

  // Shared runtime: one page, named by the same resid everywhere.
  const runtimes = named('Runtime');
  const customFunctions =
    all.find((e) => e.localName === 'ExtensionPoint' && xsiType(e) === 'CustomFunctions') ?? null;
  const sourceResid = (parent: XmlElement | null) =>
    parent ? (child(parent, 'SourceLocation')?.getAttribute('resid') ?? null) : null;
  const page = customFunctions ? sourceResid(child(customFunctions, 'Page')) : null;
  const script = customFunctions ? sourceResid(child(customFunctions, 'Script')) : null;
  const metadata = customFunctions ? sourceResid(child(customFunctions, 'Metadata')) : null;
  const namespaceResid = customFunctions
    ? (child(customFunctions, 'Namespace')?.getAttribute('resid') ?? null)
    : null;
  if (!customFunctions) add('structure', 'No ExtensionPoint of type CustomFunctions.');
  else {
    if (!script) add('structure', 'The custom functions have no Script SourceLocation.');
    if (!page) add('structure', 'The custom functions have no Page SourceLocation.');
    if (!metadata) add('structure', 'The custom functions have no Metadata SourceLocation.');
    if (!namespaceResid) add('structure', 'The custom functions have no Namespace.');
  }
  if (runtimes.length !== 1)
    add('shared-runtime', `There must be exactly one Runtime; found ${runtimes.length}.`);
  const runtime = runtimes[0] ?? null;
  if (runtime && runtime.getAttribute('lifetime') !== 'long')
    add('shared-runtime', 'The Runtime must have lifetime="long".');
  const sets = named('Set').map((s) => s.getAttribute('Name'));
  if (!sets.includes('SharedRuntime'))
    add('shared-runtime', 'Requirements must include the SharedRuntime set.');
  if (!sets.includes('CustomFunctionsRuntime'))
    add('structure', 'Requirements must include the CustomFunctionsRuntime set.');
  // The add-in calls ExcelApi members up to this version without checking for them.
  const excelApi = named('Set').find((e) => e.getAttribute('Name') === 'ExcelApi');
  const declared = excelApi?.getAttribute('MinVersion') ?? null;
  const needed = highestExcelApi();
  if (!declared || Number(declared.split('.')[1]) < Number(needed.split('.')[1]))
    add(
      'requirements',
      `Requirements must declare ExcelApi MinVersion="${needed}" (the highest version the add-in calls); found ${declared ?? 'none'}.`,
    );
  if (named('SupportUrl').length === 0)
    add(
      'structure',
      'The manifest has no SupportUrl (AppSource and the admin center ask for one).',
    );
  const runtimeResid = runtime?.getAttribute('resid') ?? null;
  const uses: [string, string | null][] = [
    ['FunctionFile', named('FunctionFile')[0]?.getAttribute('resid') ?? null],
    ['the custom functions Page', page],
    ...all
      .filter((e) => e.localName === 'Action' && xsiType(e) === 'ShowTaskpane')
      .map((a): [string, string | null] => ['the ShowTaskpane SourceLocation', sourceResid(a)]),
  ];
  for (const [what, resid] of uses) {
    if (runtimeResid && resid !== runtimeResid) {
      add(
        'shared-runtime',
        `${what} uses resid "${resid ?? ''}"; the shared runtime needs "${runtimeResid}" (the Runtime's).`,
      );
    }
  }
  const scriptUrl = resource('Urls', script);
  const metadataUrl = resource('Urls', metadata);
  if (scriptUrl && !/\.js$/i.test(scriptUrl))
    add('structure', `The custom functions Script URL ${scriptUrl} is not a .js file.`);
  if (metadataUrl && !/\.json$/i.test(metadataUrl))
    add('structure', `The custom functions Metadata URL ${metadataUrl} is not a .json file.`);
  for (const f of all.filter((e) => e.localName === 'FunctionName')) {
    const name = f.textContent?.trim() ?? '';
    if (!/^[A-Za-z_$][\w$]*$/.test(name))
      add('structure', `ExecuteFunction FunctionName "${name}" is not a JavaScript name.`);
  }
  const controlIds = all
    .filter((e) => e.localName === 'Control' || e.localName === 'Group')
    .map((e) => e.getAttribute('id') ?? '');
  for (const id of new Set(controlIds.filter((id, i) => controlIds.indexOf(id) !== i))) {
    add('structure', `Control or Group id "${id}" is used twice.`);
  }

  // Namespace.
  const namespace = resource('ShortStrings', namespaceResid);
  if (namespace !== undefined) {
    if (!/^[A-Za-z0-9]{1,32}$/.test(namespace))
      add('namespace', `Namespace "${namespace}" must be 1-32 letters or digits.`);
    if (options.namespace && namespace !== options.namespace) {
      add('namespace', `Namespace is "${namespace}"; expected "${options.namespace}".`);
    }
  }

  // URLs: HTTPS, all under one base.
  const base = options.baseUrl ? normaliseBase(options.baseUrl) : manifestBaseUrl(xml);
  const urls: [string, string][] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    for (const e of named(name)) urls.push([name, e.getAttribute('DefaultValue') ?? '']);
  }
  const defaultSettings = child(root, 'DefaultSettings');
  const defaultSource = defaultSettings ? child(defaultSettings, 'SourceLocation') : null;
  if (!defaultSource) add('structure', 'DefaultSettings has no SourceLocation.');
  else
    urls.push(['DefaultSettings SourceLocation', defaultSource.getAttribute('DefaultValue') ?? '']);
  for (const kind of ['Images', 'Urls'] as const) {
    for (const [id, value] of resources.get(kind)!) urls.push([`bt:${kind} "${id}"`, value]);
  }
  for (const o of named('Override').filter((e) => e.hasAttribute('Value'))) {
    const value = o.getAttribute('Value') ?? '';
    if (/^[a-z]+:/i.test(value)) urls.push(['Override', value]);
  }
  const relative = (url: string): string | null =>
    base && url.startsWith(base + '/') ? url.slice(base.length + 1) : null;
  for (const [where, url] of urls) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      add('url-not-https', `${where}: "${url}" is not a URL.`);
      continue;
    }
    if (parsed.protocol !== 'https:') add('url-not-https', `${where}: ${url} must use https.`);
    else if (base && relative(url) === null)
      add('url-outside-base', `${where}: ${url} is not under the base URL ${base}.`);
  }
  for (const d of named('AppDomain')) {
    const value = d.textContent?.trim() ?? '';
    if (!value.startsWith('https://')) add('url-not-https', `AppDomain "${value}" must use https.`);
  }

  // Icons: sizes declared, files present in assets/ with those sizes.
  const checkIconFile = (where: string, url: string | undefined, size: number) => {
    if (!url || !options.readFile) return;
    const rel = relative(url);
    if (rel === null) return; // already reported as outside the base
    if (!rel.startsWith('assets/')) {
      add('icon-file', `${where}: ${url} is not in assets/.`);
      return;
    }
    const bytes = options.readFile(rel);
    if (!bytes) {
      add('icon-file', `${where}: ${rel} does not exist.`);
      return;
    }
    const dims = pngSize(bytes);
    if (!dims) add('icon-file', `${where}: ${rel} is not a PNG file.`);
    else if (dims.width !== size || dims.height !== size) {
      add(
        'icon-file',
        `${where}: ${rel} is ${dims.width}x${dims.height}; it must be ${size}x${size}.`,
      );
    }
  };
  const iconUrl = named('IconUrl')[0]?.getAttribute('DefaultValue') ?? undefined;
  const highResolution =
    named('HighResolutionIconUrl')[0]?.getAttribute('DefaultValue') ?? undefined;
  if (!iconUrl) add('icon-size', 'IconUrl is missing.');
  if (!highResolution) add('icon-size', 'HighResolutionIconUrl is missing.');
  checkIconFile('IconUrl', iconUrl, ICON_URL_SIZE);
  checkIconFile('HighResolutionIconUrl', highResolution, HIGH_RESOLUTION_ICON_SIZE);
  const checkedImages = new Set<string>();
  for (const icon of named('Icon')) {
    const images = children(icon, 'Image');
    const sizes = images.map((i) => Number(i.getAttribute('size')));
    const missing = RIBBON_ICON_SIZES.filter((s) => !sizes.includes(s));
    if (missing.length > 0)
      add(
        'icon-size',
        `A ribbon Icon lacks the size(s) ${missing.join(', ')} (16, 32 and 80 are required).`,
      );
    for (const image of images) {
      const resid = image.getAttribute('resid');
      const key = `${resid}@${image.getAttribute('size')}`;
      if (checkedImages.has(key)) continue;
      checkedImages.add(key);
      checkIconFile(
        `bt:Image "${resid}"`,
        resource('Images', resid),
        Number(image.getAttribute('size')),
      );
    }
  }
  return problems;
}

interface FunctionMetadata {
  id?: unknown;
  name?: unknown;
}

/** Problems of a functions.json: ids A-Z, 0-9, '.', '_' (uppercase), names likewise, none twice. */
export function validateFunctionsMetadata(json: string): Problem[] {
  const problems: Problem[] = [];
  let data: { functions?: unknown };
  try {
    data = JSON.parse(json) as { functions?: unknown };
  } catch (e) {
    return [
      {
        code: 'functions-json',
        message: `functions.json is not JSON: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
  if (!Array.isArray(data.functions) || data.functions.length === 0) {
    return [{ code: 'functions-json', message: 'functions.json has no functions.' }];
  }
  if ((data as { allowCustomDataForDataTypeAny?: unknown }).allowCustomDataForDataTypeAny === true)
    problems.push({
      code: 'functions-json',
      message:
        'functions.json sets allowCustomDataForDataTypeAny: data-type entities would reach functions that read values.',
    });
  const seen = new Set<string>();
  for (const f of data.functions as FunctionMetadata[]) {
    const id = typeof f.id === 'string' ? f.id : '';
    const name = typeof f.name === 'string' ? f.name : '';
    if (!/^[A-Z0-9._]{1,128}$/.test(id)) {
      problems.push({
        code: 'function-id',
        message: `Function id "${id}" must be uppercase letters, digits, '.' or '_'.`,
      });
    }
    if (!/^[A-Z][A-Z0-9._]{0,127}$/.test(name)) {
      problems.push({
        code: 'function-id',
        message: `Function name "${name}" must start with a letter and be uppercase letters, digits, '.' or '_'.`,
      });
    }
    if (seen.has(id))
      problems.push({ code: 'function-id', message: `Function id "${id}" is declared twice.` });
    seen.add(id);
  }
  return problems;
}
