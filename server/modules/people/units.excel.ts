import {
  type ImportError,
  isValidPhone,
  type Unit,
  type UnitKind,
  unitImportColumns,
  unitImportRequiredColumns,
  unitKindNames,
  unitKinds,
} from '../../../contracts/people.ts';
import { newId } from '../../platform/db/columns.ts';
import { importError, type SheetRow, writeSheet } from './people.excel.ts';

/** A unit read from a sheet row, with its new id and its parent resolved to an id. */
export type ParsedUnit = {
  row: number;
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  parentId: string | null;
  kind: UnitKind;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  sortOrder: number;
};

const kindByText = new Map<string, UnitKind>([
  ...unitKinds.map((kind) => [kind, kind] as const),
  ...unitKinds.map((kind) => [unitKindNames[kind], kind] as const),
]);

/**
 * Checks every row of a unit sheet against itself and the committee's existing units. 上级单位编码 may name an
 * existing unit or another row of the file; parents named by rows must not form a cycle.
 */
export function parseUnitRows(
  rows: SheetRow[],
  existing: { codes: Map<string, string>; names: Set<string>; nextSortOrder: number },
) {
  const errors: ImportError[] = [];
  const parsed: ParsedUnit[] = [];
  const codeRows = new Map<string, number>();
  const nameRows = new Map<string, number>();
  const parentCodes = new Map<string, string>();
  for (const { row, cells } of rows) {
    const cell = (column: string) => cells.get(column) ?? '';
    const fail = (column: string, message: string) => errors.push(importError(row, column, message));
    const before = errors.length;

    const code = cell('单位编码');
    if (!code) fail('单位编码', '不能为空');
    else if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) fail('单位编码', '只能包含字母、数字、下划线和连字符，最长 32 位');
    else if (codeRows.has(code)) fail('单位编码', `与第 ${codeRows.get(code)} 行重复`);
    else if (existing.codes.has(code)) fail('单位编码', `“${code}”已存在`);
    else codeRows.set(code, row);

    const name = cell('单位名称');
    if (!name) fail('单位名称', '不能为空');
    else if (name.length > 100) fail('单位名称', '不能超过 100 个字符');
    else if (nameRows.has(name)) fail('单位名称', `与第 ${nameRows.get(name)} 行重复`);
    else if (existing.names.has(name)) fail('单位名称', `“${name}”已存在`);
    else nameRows.set(name, row);

    const shortName = cell('简称');
    if (shortName.length > 50) fail('简称', '不能超过 50 个字符');
    const kindText = cell('类型');
    const kind = kindText ? kindByText.get(kindText) : 'government';
    if (!kind) fail('类型', `应为 ${unitKinds.map((item) => unitKindNames[item]).join('、')} 之一`);
    const contactName = cell('联系人');
    if (contactName.length > 50) fail('联系人', '不能超过 50 个字符');
    const contactPhone = cell('联系电话');
    if (contactPhone && !isValidPhone(contactPhone)) fail('联系电话', '不正确（手机号 11 位，或带区号的座机如 0571-87654321）');
    const address = cell('地址');
    if (address.length > 200) fail('地址', '不能超过 200 个字符');
    const parentCode = cell('上级单位编码');
    if (parentCode && parentCode === code) fail('上级单位编码', '不能是本单位');

    if (errors.length > before) continue;
    if (parentCode) parentCodes.set(code, parentCode);
    parsed.push({
      row,
      id: newId(),
      code,
      name,
      shortName: shortName || null,
      parentId: null,
      kind: kind!,
      contactName: contactName || null,
      contactPhone: contactPhone || null,
      address: address || null,
      sortOrder: existing.nextSortOrder + parsed.length * 10,
    });
  }
  const fileIds = new Map(parsed.map((unit) => [unit.code, unit.id]));
  for (const unit of parsed) {
    const parentCode = parentCodes.get(unit.code);
    if (!parentCode) continue;
    const parentId = fileIds.get(parentCode) ?? existing.codes.get(parentCode);
    if (!parentId) {
      if (!codeRows.has(parentCode)) errors.push(importError(unit.row, '上级单位编码', `找不到上级单位“${parentCode}”`));
      continue;
    }
    const seen = new Set([unit.code]);
    let ancestor: string | undefined = parentCode;
    while (ancestor && !seen.has(ancestor)) {
      seen.add(ancestor);
      ancestor = parentCodes.get(ancestor);
    }
    if (ancestor) errors.push(importError(unit.row, '上级单位编码', '上下级关系形成了循环'));
    unit.parentId = parentId;
  }
  return { parsed, errors };
}

const widths = { 单位编码: 14, 单位名称: 30, 简称: 14, 上级单位编码: 14, 类型: 14, 联系人: 12, 联系电话: 18, 地址: 36 };

/** The unit import template with a sheet of instructions. */
export function unitTemplate(): Promise<Buffer> {
  return writeSheet({
    sheetName: '承办单位',
    columns: unitImportColumns,
    rows: [],
    widths,
    textColumns: ['单位编码', '上级单位编码', '联系电话'],
    notes: {
      title: '填写说明',
      lines: [
        '第 1 行为表头，请勿修改；数据从第 2 行开始填写，一行一个单位。',
        `必需的列：${unitImportRequiredColumns.join('、')}，且必须填写；单位编码和名称不能与已有单位重复。`,
        '上级单位编码：可填已有单位的编码，或本文件中其他行的编码；留空为顶级单位。',
        `类型：${unitKinds.map((kind) => unitKindNames[kind]).join('、')}（留空为政府部门）。`,
        '联系电话：11 位手机号，或带区号的座机，如 0571-87654321。',
        '整个文件全部检查通过后才会导入；有任何错误时不导入任何数据，并逐行列出错误。',
      ],
    },
  });
}

/** The units as an Excel file in the template's columns plus the state; contact phones masked. */
export function unitExport(units: Unit[], parentCodes: Map<string, string>): Promise<Buffer> {
  return writeSheet({
    sheetName: '承办单位',
    columns: [...unitImportColumns, '状态'],
    widths,
    textColumns: ['单位编码', '上级单位编码', '联系电话'],
    rows: units.map((unit) => [
      unit.code,
      unit.name,
      unit.shortName ?? '',
      unit.parent ? (parentCodes.get(unit.parent.id) ?? '') : '',
      unitKindNames[unit.kind],
      unit.contactName ?? '',
      unit.contactPhoneMasked ?? '',
      unit.address ?? '',
      unit.active ? '启用' : '停用',
    ]),
  });
}
