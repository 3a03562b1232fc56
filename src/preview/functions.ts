/**
 * The SKM custom functions by the names formulas call them (namespace SKM, ids
 * as in the JSDoc @customfunction tags), for the simulated host of the preview.
 */
import {
  ikm,
  kategori,
  konversi,
  nrr,
  periksa,
  profil,
  sampel,
  terendah,
} from '../functions/functions';
import type { CustomFunctions } from '../sim/calc';

export const SKM_FUNCTIONS: CustomFunctions = {
  'SKM.IKM': ikm as (...a: unknown[]) => unknown,
  'SKM.NRR': nrr as (...a: unknown[]) => unknown,
  'SKM.KONVERSI': konversi as (...a: unknown[]) => unknown,
  'SKM.KATEGORI': kategori as (...a: unknown[]) => unknown,
  'SKM.SAMPEL': sampel as (...a: unknown[]) => unknown,
  'SKM.TERENDAH': terendah as (...a: unknown[]) => unknown,
  'SKM.PROFIL': profil as (...a: unknown[]) => unknown,
  'SKM.PERIKSA': periksa as (...a: unknown[]) => unknown,
};
