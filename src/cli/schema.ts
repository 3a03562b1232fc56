/** `skm-rekap schema`: prints the JSON Schema of the report `check --json` prints. */
import { reportJsonSchema } from '../engine/report-schema';

export function schemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
