// Builds member roster workbooks (.xlsx) for the import journey with exceljs.
import ExcelJS from 'exceljs';

/** The columns of the member import sheet (contracts/people.ts memberImportColumns). */
export const memberColumns = [
  '姓名',
  '性别',
  '出生年份',
  '民族',
  '界别',
  '党派',
  '专委会',
  '小组',
  '工作单位及职务',
  '是否常委',
  '身份证号',
  '手机号',
];

/**
 * A roster whose first data row (sheet row 2) is valid and whose second (sheet row 3) has an invalid ID
 * number, so the import must refuse the file and name row 3.
 */
export async function rosterWithError(path) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('委员名单');
  sheet.addRow(memberColumns);
  sheet.addRow([
    '测试委员甲',
    '男',
    '1970',
    '汉族',
    '中国共产党',
    '',
    '',
    '',
    '示例市某局 局长',
    '否',
    '110101197003071234',
    '13800138001',
  ]);
  sheet.addRow(['测试委员乙', '女', '1975', '汉族', '中国共产党', '', '', '', '示例市某校 校长', '否', '12345', '13800138002']);
  sheet.getColumn(11).numFmt = '@';
  await workbook.xlsx.writeFile(path);
  return path;
}
