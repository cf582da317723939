"""Measures a workbook's formulas against Excel's limits, independently of the project's code.

Usage: measure_formulas.py FILE.xlsx. Reads the file with openpyxl and parses every conditional-format formula with
openpyxl's own formula tokenizer (openpyxl.formula.Tokenizer): its length, the deepest nesting of function calls (a
FUNC token opening inside another, grouping brackets not counted) and its longest text constant; every list
validation's source, typed inline ("a,b,c") or a reference; and the text of every cell that starts with 填表说明.
Prints JSON: per sheet, {"formulas": [{"range", "length", "nesting", "longestText"}], "lists": [{"range", "inline",
"length"}], "notes": [text]}.
"""
import json
import sys

import openpyxl
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token


def measure(formula):
    tokens = Tokenizer("=" + formula).items
    depth = 0
    deepest = 0
    stack = []
    longest = 0
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            stack.append(True)
            depth += 1
            deepest = max(deepest, depth)
        elif token.type == Token.PAREN and token.subtype == Token.OPEN:
            stack.append(False)
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN):
            if stack.pop():
                depth -= 1
        elif token.type == Token.OPERAND and token.subtype == Token.TEXT:
            longest = max(longest, len(token.value[1:-1].replace('""', '"')))
    return {"length": len(formula), "nesting": deepest, "longestText": longest}


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {}
    for ws in wb.worksheets:
        formulas = []
        for formatting in ws.conditional_formatting:
            for rule in formatting.rules:
                for formula in rule.formula or []:
                    formulas.append({"range": str(formatting.sqref), **measure(formula)})
        lists = []
        for dv in ws.data_validations.dataValidation:
            if dv.type != "list":
                continue
            source = dv.formula1 or ""
            inline = source.startswith('"')
            lists.append({"range": str(dv.sqref), "inline": inline, "length": len(source[1:-1]) if inline else len(source)})
        notes = [
            cell.value
            for row in ws.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and cell.value.startswith("填表说明")
        ]
        out[ws.title] = {"formulas": formulas, "lists": lists, "notes": notes}
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
