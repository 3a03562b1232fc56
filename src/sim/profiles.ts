/**
 * Excel builds as the add-in meets them: the requirement sets each supports
 * (Office.context.requirements.isSetSupported, and through it the ApiNotFound
 * that Office.js raises when an API of a newer set is called), and whether
 * Office loads an add-in whose manifest requires given sets. Versions after
 * Microsoft's tables "Excel JavaScript API requirement sets" and "Shared
 * runtime requirement sets" (learn.microsoft.com/office/dev/add-ins/reference/
 * requirement-sets/excel/excel-api-requirement-sets).
 */
export type RequirementSets = Record<string, string>;

export interface HostProfile {
  label: string;
  platform: 'OfficeOnline' | 'PC' | 'Mac';
  requirementSets: RequirementSets;
}

const common = { DialogApi: '1.2', RibbonApi: '1.1', CustomFunctionsRuntime: '1.3' };

export const HOST_PROFILES = {
  /** Excel on the web and current Microsoft 365 builds. */
  web: {
    label: 'Excel on the web',
    platform: 'OfficeOnline',
    requirementSets: {
      ExcelApi: '1.17',
      ExcelApiOnline: '1.1',
      SharedRuntime: '1.1',
      DelayForCellEdit: '1.1',
      ...common,
    },
  },
  /** Microsoft 365 on Windows, Version 2102: ExcelApi 1.13. */
  'windows-2102': {
    label: 'Excel on Windows, Version 2102',
    platform: 'PC',
    requirementSets: {
      ExcelApi: '1.13',
      SharedRuntime: '1.1',
      DelayForCellEdit: '1.1',
      ...common,
    },
  },
  /** Microsoft 365 on Windows, Version 2002: ExcelApi 1.11 and the shared runtime, no getMergedAreas. */
  'windows-2002': {
    label: 'Excel on Windows, Version 2002',
    platform: 'PC',
    requirementSets: { ExcelApi: '1.11', SharedRuntime: '1.1', ...common },
  },
  /** Excel on Mac 16.40: ExcelApi 1.12. */
  'mac-16.40': {
    label: 'Excel on Mac 16.40',
    platform: 'Mac',
    requirementSets: { ExcelApi: '1.12', SharedRuntime: '1.1', ...common },
  },
  /** Excel 2019 (volume licensed): ExcelApi 1.8, no shared runtime. */
  'excel-2019': {
    label: 'Excel 2019',
    platform: 'PC',
    requirementSets: { ExcelApi: '1.8', DialogApi: '1.1' },
  },
} as const satisfies Record<string, HostProfile>;

export type HostProfileName = keyof typeof HOST_PROFILES;

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function supports(sets: RequirementSets, name: string, version?: string): boolean {
  const entry = Object.entries(sets).find(([k]) => k.toLowerCase() === name.toLowerCase());
  if (!entry) return false;
  return version === undefined || version === '' || versionAtLeast(entry[1], version);
}

/** The sets a manifest requires to load at all: <Requirements><Sets><Set Name MinVersion/>, at the add-in's root and per host. */
export function manifestRequirements(manifestXml: string): { name: string; version?: string }[] {
  const out: { name: string; version?: string }[] = [];
  const attr = (tag: string, name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
  for (const m of manifestXml.matchAll(/<Set\b[^>]*>/g)) {
    const name = attr(m[0], 'Name');
    if (name) out.push({ name, version: attr(m[0], 'MinVersion') });
  }
  return out;
}

/** Whether Office loads an add-in with this manifest on a build with these sets, and which set stops it. */
export function manifestAdmits(
  manifestXml: string,
  sets: RequirementSets,
): { loads: boolean; missing: string[] } {
  const missing = manifestRequirements(manifestXml)
    .filter((r) => !supports(sets, r.name, r.version))
    .map((r) => `${r.name} ${r.version ?? ''}`.trim());
  return { loads: missing.length === 0, missing };
}
