// The driver is type-checked against the Web SDK's real declarations (zego-express-engine-webrtc
// 3.12.0, sdk/code/zh/zego.client.web.d.ts): a misspelt event name must fail the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..');
const driverPath = join(root, 'src/webgl/ZegoWebDriver.ts');

function diagnosticsWith(driverSource: string): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, onError, create) =>
    file === driverPath ? ts.createSourceFile(file, driverSource, lang) : original(file, lang, onError, create);
  const program = ts.createProgram([driverPath], { ...options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? d.file.fileName.replace(root, '') : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the Web SDK typings', () => {
  const source = readFileSync(driverPath, 'utf8');

  test('the driver compiles against them with no error', () => {
    expect(diagnosticsWith(source)).toEqual([]);
  });

  test.each([
    ["on('roomStateChanged'", "on('roomStateChange'"],
    ["on('tokenWillExpire'", "on('roomTokenWillExpire'"],
  ])('a wrong event name fails the build: %s → %s', (right, wrong) => {
    expect(source).toContain(right);
    const errors = diagnosticsWith(source.replace(right, wrong));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toContain('/src/webgl/ZegoWebDriver.ts');
    expect(errors.join('\n')).toContain(wrong.slice(4, -1));
  });
});
