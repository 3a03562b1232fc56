/**
 * The part of the Office namespace an add-in touches at start-up: onReady,
 * context (display language, requirement sets), actions.associate and
 * addin.showAsTaskpane, recorded so tests can see what the add-in did.
 */
import type { HostState } from './client';
import { supports } from './profiles';

export const HostType = {
  Word: 'Word',
  Excel: 'Excel',
  PowerPoint: 'PowerPoint',
  Outlook: 'Outlook',
  OneNote: 'OneNote',
  Project: 'Project',
  Access: 'Access',
} as const;

export const PlatformType = {
  PC: 'PC',
  OfficeOnline: 'OfficeOnline',
  Mac: 'Mac',
  iOS: 'iOS',
  Android: 'Android',
  Universal: 'Universal',
} as const;

export interface OfficeRecord {
  /** Functions registered with Office.actions.associate, by id. */
  actions: Map<string, (...args: unknown[]) => unknown>;
  taskpaneShown: number;
  taskpaneHidden: number;
}

export function createOffice(state: HostState, record: OfficeRecord) {
  const info = () => ({ host: HostType.Excel, platform: state.options.platform });
  const office = {
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    initialize: undefined as undefined | ((reason: unknown) => void),
    onReady(
      callback?: (i: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }> {
      return Promise.resolve().then(() => {
        const i = info();
        callback?.(i);
        return i;
      });
    },
    context: {
      get displayLanguage() {
        return state.options.displayLanguage;
      },
      get contentLanguage() {
        return state.options.displayLanguage;
      },
      host: HostType.Excel,
      get platform() {
        return state.options.platform;
      },
      diagnostics: {
        host: HostType.Excel,
        get platform() {
          return state.options.platform;
        },
        version: '16.0.0.0',
      },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const version =
            minVersion === undefined || minVersion === null ? undefined : String(minVersion);
          return supports(state.options.requirementSets, name, version);
        },
      },
      document: {
        // Office reports both a read-only file and Excel on the web's viewing mode as "readOnly".
        get mode() {
          return state.options.documentMode === 'readWrite' ? 'readWrite' : 'readOnly';
        },
        url: 'skm-rekap-simulated.xlsx',
      },
    },
    actions: {
      associate(actionId: string, fn: (...args: unknown[]) => unknown): void {
        record.actions.set(actionId, fn);
        state.stats.operations.push(`Office.actions.associate(${JSON.stringify(actionId)})`);
      },
    },
    addin: {
      showAsTaskpane(): Promise<void> {
        record.taskpaneShown++;
        state.stats.operations.push('Office.addin.showAsTaskpane()');
        return Promise.resolve();
      },
      hide(): Promise<void> {
        record.taskpaneHidden++;
        state.stats.operations.push('Office.addin.hide()');
        return Promise.resolve();
      },
      onVisibilityModeChanged(_handler: unknown): Promise<() => Promise<void>> {
        return Promise.resolve(() => Promise.resolve());
      },
      setStartupBehavior(_behavior: unknown): Promise<void> {
        return Promise.resolve();
      },
      getStartupBehavior(): Promise<string> {
        return Promise.resolve('none');
      },
    },
  };
  return office;
}

export type SimOffice = ReturnType<typeof createOffice>;
