import {
  type Gender,
  genderNames,
  type ImportError,
  isValidIdNumber,
  isValidMobile,
  type Member,
  memberImportColumns,
  memberImportRequiredColumns,
  memberStateNames,
} from '../../../contracts/people.ts';
import type { MemberCreate } from './actions/create-member.ts';
import { importError, parseYesNo, type SheetRow, writeSheet } from './people.excel.ts';
import { type DictionaryLookup, memberDictionaryFields } from './people.lookups.ts';

/** A member read from a sheet row, ready to insert. */
export type ParsedMember = MemberCreate & { row: number };

const genderByText: Record<string, Gender> = { 男: 'male', 女: 'female', male: 'male', female: 'female' };
const dictionaryColumns: Record<string, string> = { sector: '界别', party: '党派', committee: '专委会', group: '小组' };

/**
 * Checks every row of a member sheet and converts the good ones. Dictionary names (or codes) must exist; ID
 * numbers must be valid and unique within the file (uniqueness against the database is checked by the action).
 */
export function parseMemberRows(rows: SheetRow[], dictionaries: Map<string, DictionaryLookup>, currentYear: number) {
  const errors: ImportError[] = [];
  const parsed: ParsedMember[] = [];
  const idRows = new Map<string, number>();
  for (const { row, cells } of rows) {
    const cell = (column: string) => cells.get(column) ?? '';
    const fail = (column: string, message: string) => errors.push(importError(row, column, message));
    const before = errors.length;
    // Every required column (marked * in the import dialog) must be filled on every row; the
    // checks below then look only at cells that hold something.
    for (const column of memberImportRequiredColumns) {
      if (!cell(column)) fail(column, '不能为空（必填列）');
    }

    const name = cell('姓名');
    if (name.length > 50) fail('姓名', '不能超过 50 个字符');

    const genderText = cell('性别');
    const gender = genderText ? genderByText[genderText] : null;
    if (gender === undefined) fail('性别', `应为“男”或“女”，而不是“${genderText}”`);

    const yearText = cell('出生年份');
    const birthYear = yearText ? Number(yearText.replace(/年$/, '')) : null;
    if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > currentYear)) {
      fail('出生年份', `应为 1900–${currentYear} 之间的四位年份`);
    }

    const ethnicity = cell('民族');
    if (ethnicity.length > 20) fail('民族', '不能超过 20 个字符');

    const references: Record<string, string | null> = {};
    for (const { field, kind } of memberDictionaryFields) {
      const column = dictionaryColumns[kind];
      const text = cell(column);
      if (!text) {
        references[field] = null;
        continue;
      }
      const id = dictionaries.get(kind)?.byKey.get(text);
      if (!id) fail(column, `找不到${column}“${text}”`);
      references[field] = id ?? null;
    }

    const workplace = cell('工作单位及职务');
    if (workplace.length > 200) fail('工作单位及职务', '不能超过 200 个字符');

    const standing = parseYesNo(cell('是否常委'));
    if (standing === undefined) fail('是否常委', '应填“是”或“否”');

    const idNumber = cell('身份证号').toUpperCase();
    if (idNumber) {
      if (!isValidIdNumber(idNumber)) {
        fail('身份证号', '不正确（应为 18 位，出生日期和校验位有效；若单元格为数字格式，请改为文本格式后重新填写）');
      } else if (idRows.has(idNumber)) {
        fail('身份证号', `与第 ${idRows.get(idNumber)} 行重复`);
      } else {
        idRows.set(idNumber, row);
      }
    }

    const mobile = cell('手机号');
    if (mobile && !isValidMobile(mobile)) fail('手机号', '不正确（应为 11 位，以 13–19 开头）');

    if (errors.length > before) continue;
    parsed.push({
      row,
      name,
      gender: gender ?? null,
      birthYear,
      ethnicity: ethnicity || null,
      sectorId: references.sectorId,
      partyId: references.partyId,
      committeeId: references.committeeId,
      groupId: references.groupId,
      workplace: workplace || null,
      position: null,
      isStandingCommittee: standing ?? false,
      idNumber: idNumber || null,
      mobile: mobile || null,
    });
  }
  return { parsed, errors };
}

const widths = { 姓名: 12, 界别: 18, 党派: 14, 专委会: 20, 小组: 14, 工作单位及职务: 36, 身份证号: 22, 手机号: 14 };

/** The member import template: the header row, and a second sheet explaining each column with the valid names. */
export function memberTemplate(dictionaries: Map<string, DictionaryLookup>): Promise<Buffer> {
  const list = (kind: string) => dictionaries.get(kind)?.names.join('、') || '（尚未设置）';
  return writeSheet({
    sheetName: '委员名单',
    columns: memberImportColumns,
    rows: [],
    widths,
    textColumns: ['身份证号', '手机号', '出生年份'],
    notes: {
      title: '填写说明',
      lines: [
        '第 1 行为表头，请勿修改；数据从第 2 行开始填写，一行一位委员。',
        `必填的列：${memberImportRequiredColumns.join('、')}，每一行都必须填写；其余的列可以留空。`,
        '性别：男 或 女。出生年份：四位数字，如 1968。是否常委：是 或 否（留空视为否）。',
        '身份证号：18 位，单元格请设为文本格式，以免末尾数字丢失；同一文件内及与已有委员都不能重复。',
        '手机号：11 位手机号码。',
        `界别可填：${list('sector')}`,
        `党派可填：${list('party')}`,
        `专委会可填：${list('committee')}`,
        `小组可填：${list('group')}`,
        '整个文件全部检查通过后才会导入；有任何错误时不导入任何数据，并逐行列出错误。',
      ],
    },
  });
}

/** The member roster as an Excel file, in the template's columns plus the state; ID numbers and mobiles masked. */
export function memberExport(members: Member[]): Promise<Buffer> {
  return writeSheet({
    sheetName: '委员名单',
    columns: [...memberImportColumns, '状态'],
    widths,
    textColumns: ['身份证号', '手机号'],
    rows: members.map((member) => [
      member.name,
      member.gender ? genderNames[member.gender] : '',
      member.birthYear,
      member.ethnicity ?? '',
      member.sector?.name ?? '',
      member.party?.name ?? '',
      member.committee?.name ?? '',
      member.group?.name ?? '',
      [member.workplace, member.position].filter(Boolean).join(' '),
      member.isStandingCommittee ? '是' : '否',
      member.idNumberMasked ?? '',
      member.mobileMasked ?? '',
      memberStateNames[member.state],
    ]),
  });
}
