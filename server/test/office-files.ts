import JSZip from 'jszip';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * Reads generated Word (.docx) and Excel (.xlsx) files with nothing but Node, so `npm test` catches a broken
 * document on a machine without LibreOffice: the zip opens, every XML part is well-formed (namespaces, allowed
 * characters), every part has a content type, every internal relationship points at a part that exists, and the
 * text, table cells and sheet cells read back. `npm run test:documents` adds the LibreOffice check on top.
 */

/** An XML element with its attributes (by qualified name) and children in document order. */
export type XmlElement = { name: string; attributes: Record<string, string>; children: (XmlElement | string)[] };

/** A cell value of a sheet: shared and inline strings as text, numbers as numbers, empty cells as null. */
export type SheetCell = string | number | boolean | null;

/** A Word document as read back: its paragraphs (tables' paragraphs included) and its tables' cell texts. */
export type WordDocument = { paragraphs: string[]; tables: string[][][]; text: string };

/** A workbook as read back: each sheet by name, as rows of cells (row 1 first, column A first). */
export type Workbook = { sheetNames: string[]; sheets: Record<string, SheetCell[][]> };

/** Parses one XML part strictly (well-formedness, namespace bindings, XML characters); throws naming the part. */
export function parseXml(text: string, partName: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, fileName: partName });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]));
    const element: XmlElement = { name: tag.name, attributes, children: [] };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (value) => stack[stack.length - 1].children.push(value));
  parser.on('cdata', (value) => stack[stack.length - 1].children.push(value));
  parser.write(text).close();
  if (failure) throw new Error(`${partName} is not well-formed XML: ${failure.message}`);
  const [element] = root.children.filter((child): child is XmlElement => typeof child !== 'string');
  if (!element) throw new Error(`${partName} has no root element`);
  return element;
}

/** Every element named `name` under `element`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}

/** The package-relative name a relationship target points to, from the part that holds the relationship. */
function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of decodeURIComponent(target).split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`; '' is the package. */
function relationshipsPart(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf('/');
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

type OpenPackage = { parts: Map<string, XmlElement>; names: Set<string>; problems: string[] };

/** Opens the zip and checks the package: XML parts, content types and relationships. Never throws. */
async function openPackage(buffer: Buffer): Promise<OpenPackage> {
  const parts = new Map<string, XmlElement>();
  const problems: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    return { parts, names: new Set(), problems: [`not a zip file: ${(error as Error).message}`] };
  }
  const names = new Set(Object.keys(zip.files).filter((name) => !zip.files[name].dir));
  for (const name of names) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    try {
      parts.set(name, parseXml(await (zip.file(name) as JSZip.JSZipObject).async('string'), name));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const types = parts.get('[Content_Types].xml');
  if (!types) problems.push('[Content_Types].xml is missing');
  if (!parts.get('_rels/.rels')) problems.push('_rels/.rels (the package relationships) is missing');
  const defaults = new Set(
    (types ? descendants(types, 'Default') : []).map((item) => (item.attributes.Extension ?? '').toLowerCase()),
  );
  const overrides = new Set((types ? descendants(types, 'Override') : []).map((item) => item.attributes.PartName));
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name}`) && !defaults.has(extension)) problems.push(`${name} has no content type`);
  }
  for (const override of overrides) {
    if (!names.has(override.replace(/^\//, ''))) problems.push(`[Content_Types].xml names ${override}, which is missing`);
  }
  for (const [name, part] of parts) {
    const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!match) continue;
    const source = `${match[1]}${match[2]}`;
    for (const relationship of descendants(part, 'Relationship')) {
      if (relationship.attributes.TargetMode === 'External') continue;
      const target = resolveTarget(source, relationship.attributes.Target ?? '');
      if (!names.has(target)) problems.push(`${name}: ${relationship.attributes.Id} points to ${target}, which is missing`);
    }
  }
  return { parts, names, problems };
}

/** What is wrong with an Office file as a package (zip, XML, content types, relationships); empty when sound. */
export async function officePackageProblems(buffer: Buffer): Promise<string[]> {
  return (await openPackage(buffer)).problems;
}

/** Opens a sound package and returns the part the package's relationship of `type` (its last segment) names. */
async function mainPart(buffer: Buffer, type: string): Promise<{ package: OpenPackage; name: string; part: XmlElement }> {
  const opened = await openPackage(buffer);
  if (opened.problems.length > 0) throw new Error(`broken Office file:\n${opened.problems.join('\n')}`);
  const relationship = descendants(opened.parts.get('_rels/.rels') as XmlElement, 'Relationship').find((item) =>
    (item.attributes.Type ?? '').endsWith(`/${type}`),
  );
  const name = resolveTarget('', relationship?.attributes.Target ?? '');
  const part = opened.parts.get(name);
  if (!part) throw new Error(`the package has no ${type} part`);
  return { package: opened, name, part };
}

/** The targets of a part's relationships, by id, resolved to part names. */
function relationshipTargets(opened: OpenPackage, sourcePart: string): Map<string, { type: string; target: string }> {
  const part = opened.parts.get(relationshipsPart(sourcePart));
  return new Map(
    (part ? descendants(part, 'Relationship') : []).map((item) => [
      item.attributes.Id,
      { type: item.attributes.Type ?? '', target: resolveTarget(sourcePart, item.attributes.Target ?? '') },
    ]),
  );
}

/** The text directly inside an element (no descendants). */
function ownText(element: XmlElement): string {
  return element.children.filter((child) => typeof child === 'string').join('');
}

/** The text of a Word element: its runs' text, tabs as \t and breaks as \n. */
function wordText(element: XmlElement): string {
  return element.children
    .map((child) => {
      if (typeof child === 'string') return '';
      if (child.name === 'w:t') return ownText(child);
      if (child.name === 'w:tab') return '\t';
      if (child.name === 'w:br' || child.name === 'w:cr') return '\n';
      return wordText(child);
    })
    .join('');
}

/** Reads a .docx back: checks the package, then returns its paragraphs and tables. Throws when it is broken. */
export async function readWordDocument(buffer: Buffer): Promise<WordDocument> {
  const { part } = await mainPart(buffer, 'officeDocument');
  if (part.name !== 'w:document') throw new Error(`the main part is <${part.name}>, not a Word document`);
  const paragraphs = descendants(part, 'w:p').map(wordText);
  const tables = descendants(part, 'w:tbl').map((table) =>
    descendants(table, 'w:tr').map((row) =>
      descendants(row, 'w:tc').map((cell) => descendants(cell, 'w:p').map(wordText).join('\n')),
    ),
  );
  return { paragraphs, tables, text: paragraphs.join('\n') };
}

/** The zero-based column of a cell reference: `B2` → 1. */
function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  return [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** The value of one sheet cell, with the shared strings of the workbook. */
function cellValue(cell: XmlElement, shared: string[]): SheetCell {
  const type = cell.attributes.t ?? 'n';
  if (type === 'inlineStr') return descendants(cell, 't').map(ownText).join('');
  const [valueElement] = descendants(cell, 'v');
  if (!valueElement) return null;
  const value = ownText(valueElement);
  if (type === 's') {
    const text = shared[Number(value)];
    if (text === undefined) throw new Error(`cell ${cell.attributes.r} names shared string ${value}, which is missing`);
    return text;
  }
  if (type === 'b') return value === '1';
  if (type === 'str' || type === 'e') return value;
  return Number(value);
}

/** The text of a shared string item, without its phonetic runs. */
function sharedText(item: XmlElement): string {
  return item.children
    .map((child) => {
      if (typeof child === 'string' || child.name === 'rPh') return '';
      if (child.name === 't') return ownText(child);
      return sharedText(child);
    })
    .join('');
}

/** Reads an .xlsx back: checks the package, then returns every sheet's cells. Throws when it is broken. */
export async function readWorkbook(buffer: Buffer): Promise<Workbook> {
  const { package: opened, name, part } = await mainPart(buffer, 'officeDocument');
  if (part.name !== 'workbook') throw new Error(`the main part is <${part.name}>, not a workbook`);
  const targets = relationshipTargets(opened, name);
  const sharedPart = [...targets.values()].find((item) => item.type.endsWith('/sharedStrings'));
  const sharedXml = sharedPart ? opened.parts.get(sharedPart.target) : undefined;
  const shared = sharedXml ? descendants(sharedXml, 'si').map(sharedText) : [];
  const workbook: Workbook = { sheetNames: [], sheets: {} };
  for (const sheet of descendants(part, 'sheet')) {
    const sheetName = sheet.attributes.name;
    const target = targets.get(sheet.attributes['r:id'])?.target;
    const sheetXml = target ? opened.parts.get(target) : undefined;
    if (!sheetXml) throw new Error(`sheet ${sheetName} has no part`);
    const rows: SheetCell[][] = [];
    descendants(sheetXml, 'row').forEach((row, position) => {
      const index = Number(row.attributes.r ?? position + 1) - 1;
      const cells: SheetCell[] = [];
      descendants(row, 'c').forEach((cell, column) => {
        cells[cell.attributes.r ? columnIndex(cell.attributes.r) : column] = cellValue(cell, shared);
      });
      rows[index] = Array.from(cells, (value) => value ?? null);
    });
    workbook.sheetNames.push(sheetName);
    workbook.sheets[sheetName] = Array.from(rows, (row) => row ?? []);
  }
  return workbook;
}
