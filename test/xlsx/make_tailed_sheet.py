"""Writes, with openpyxl, a return whose sheets carry much after their cells (validations, conditional formats,
hyperlinks, an autofilter, margins, a header) and prints what it wrote: per sheet, its values by address and merges."""
import json
import sys

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

out = sys.argv[1]
wb = Workbook()
written = []
for index, title in enumerate(['申报表', 'sheetData', '名单']):
    ws = wb.active if index == 0 else wb.create_sheet(title)
    ws.title = title
    values = {}
    for r in range(1, 31):
        for c, text in enumerate([f'单位{r}', r * 7 + index, f'备注 <{r}> & “引号”'], start=1):
            ws.cell(row=r, column=c, value=text)
            values[ws.cell(row=r, column=c).coordinate] = text
    merges = ['D1:F1', 'D2:D4'] if index != 2 else []
    for m in merges:
        ws.merge_cells(m)
    dv = DataValidation(type='list', formula1='"是,否"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add('B1:B30')
    red = PatternFill(start_color='FFC7CE', end_color='FFC7CE', fill_type='solid')
    # a formula naming the sheet called sheetData: the word appears after the cells, not as a tag
    ws.conditional_formatting.add('B1:B30', FormulaRule(formula=["ISERROR('sheetData'!B1)"], fill=red))
    for r in range(1, 40):
        ws.conditional_formatting.add(f'C{r}', FormulaRule(formula=[f'LEN(TRIM(C{r}))>{r}'], fill=red))
    ws.cell(row=1, column=1).hyperlink = 'https://example.invalid/'
    ws.auto_filter.ref = 'A1:C30'
    ws.page_margins.left = 0.3
    ws.oddHeader.center.text = '第&P页'
    written.append({'name': title, 'values': values, 'merges': merges})
wb.save(out)
print(json.dumps(written, ensure_ascii=False))
