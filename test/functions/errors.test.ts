/**
 * Function errors: the runtime's CustomFunctions.Error inside Excel, a
 * stand-in of the same shape elsewhere, and nothing else ever thrown.
 */
import { FunctionError, guard, invalidNumber, invalidValue } from '../../src/functions/errors';
import { kategori } from '../../src/functions/functions';

class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const globals = globalThis as { CustomFunctions?: unknown };

afterEach(() => {
  delete globals.CustomFunctions;
});

it('uses a stand-in with code and message outside Excel', () => {
  const e = invalidValue('ikm kosong.');
  expect(e).toBeInstanceOf(FunctionError);
  expect(e).toMatchObject({ code: '#VALUE!', message: 'ikm kosong.' });
  expect(invalidNumber('di luar rentang')).toMatchObject({
    code: '#NUM!',
    message: 'di luar rentang',
  });
});

it("uses the runtime's CustomFunctions.Error and ErrorCode when present", () => {
  globals.CustomFunctions = {
    Error: RuntimeError,
    ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
  };
  const e = invalidNumber('populasi 0 tidak sah');
  expect(e).toBeInstanceOf(RuntimeError);
  expect(e).toMatchObject({ code: '#NUM!', message: 'populasi 0 tidak sah' });
  expect(() => kategori(null, null)).toThrow(RuntimeError);
});

it('turns an unexpected exception into #VALUE! with its text', () => {
  const call = () =>
    guard(() => {
      throw new TypeError('x is undefined');
    });
  expect(call).toThrow(FunctionError);
  expect(call).toThrow('Kesalahan tak terduga: x is undefined');
});

it('lets function errors through unchanged', () => {
  const original = invalidValue('nilai kosong.');
  expect(() =>
    guard(() => {
      throw original;
    }),
  ).toThrow(original);
});
