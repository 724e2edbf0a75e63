import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Converts Office files (Word .docx, Excel .xlsx) to PDF with LibreOffice in its own profile directory and returns
 * the size of each PDF, in the order given: proof that LibreOffice opens them. Throws when LibreOffice is missing
 * (CI installs libreoffice-writer and libreoffice-calc).
 */
export function convertWithLibreOffice(files: { name: string; content: Buffer }[]): number[] {
  const binary = spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!binary) {
    throw new Error('libreoffice is not on PATH: install libreoffice-writer and libreoffice-calc (.ci/run does)');
  }
  const directory = mkdtempSync(join(tmpdir(), 'cppcc-office-'));
  try {
    const paths = files.map((file, index) => {
      const path = join(directory, `file${index}-${file.name.replace(/[^A-Za-z0-9.]/g, '_')}`);
      writeFileSync(path, file.content);
      return path;
    });
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
      return pdfs.has(pdf) ? statSync(join(directory, pdf)).size : 0;
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
