/**
 * The Excel adapter's public face, kept at this path so that the pane, the
 * ribbon command and the tests import it as before; the code lives in
 * ./excel/, one concern per module (see ./excel/index.ts).
 */
export * from './excel/index';
