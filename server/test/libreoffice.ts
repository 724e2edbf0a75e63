import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Converts Office files (Word .docx, Excel .xlsx) to PDF with LibreOffice in its own profile directory and returns
 * the size of each PDF, in the order given (0 when no PDF came out): proof that LibreOffice opens them. Only the
 * documents tier (`npm run test:documents`, `*.libreoffice.test.ts`) calls it; it throws when LibreOffice is missing.
 */
export function convertWithLibreOffice(files: { name: string; content: Buffer }[]): number[] {
  const binary = spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!binary) {
    throw new Error(
      'libreoffice is not on PATH: `npm run test:documents` needs libreoffice-writer and libreoffice-calc (.ci/run installs them)',
    );
  }
  const directory = mkdtempSync(join(tmpdir(), 'cppcc-office-'));
  try {
    const paths = files.map((file, index) => {
      const path = join(directory, `file${index}-${file.name.replace(/[^A-Za-z0-9.]/g, '_')}`);
      writeFileSync(path, file.content);
      return path;
    });
    // Its own profile directory, so parallel runs (or a user's open LibreOffice) do not block each other.
    execFileSync(
      binary,
      [
        `-env:UserInstallation=file://${join(directory, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        directory,
        ...paths,
      ],
      { timeout: 170_000, stdio: 'pipe' },
    );
    const pdfs = new Set(readdirSync(directory).filter((name) => name.endsWith('.pdf')));
    return paths.map((path) => {
      const pdf = `${path.slice(directory.length + 1).replace(/\.[a-z]+$/, '')}.pdf`;
      if (!pdfs.has(pdf)) return 0;
      const content = readFileSync(join(directory, pdf));
      return content.subarray(0, 5).toString('latin1') === '%PDF-' ? content.length : 0;
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
