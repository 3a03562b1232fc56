/** What a command writes to, and the shape of a command (src/cli/main.ts dispatches on its name). */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** A command: its arguments after the command word, the output, and its exit code. */
export type Command = (args: string[], io: Io) => Promise<number>;
