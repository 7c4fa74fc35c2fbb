#!/usr/bin/env python3
"""A fillable PDF as PDFium (Chrome's PDF engine, through pypdfium2) sees it.

    pdf_form.py PDF                      list the form fields as JSON: page, name, type, tooltip
    pdf_form.py PDF OUT VALUES.json      fill fields ({"name": "text", "a.check": true}) the way
                                         a person types and ticks, then render each page to
                                         OUT-N.png and print the fields again

Types are PDFium's: 2 check box, 6 text field.
"""
import ctypes
import json
import struct
import sys
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as c


def utf16(fn, *args):
    size = fn(*args, None, 0)
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    fn(*args, buffer, size)
    return bytes(buffer)[:max(0, size - 2)].decode("utf-16-le")


def wide(text):
    data = (text + "\0").encode("utf-16-le")
    return ctypes.cast(ctypes.create_string_buffer(data, len(data)), ctypes.POINTER(c.FPDF_WCHAR))


def widgets(pdf):
    for number, page in enumerate(pdf, start=1):
        for index in range(c.FPDFPage_GetAnnotCount(page)):
            annot = c.FPDFPage_GetAnnot(page, index)
            if c.FPDFAnnot_GetSubtype(annot) == c.FPDF_ANNOT_WIDGET:
                yield number, page, annot
            c.FPDFPage_CloseAnnot(annot)


def describe(pdf):
    return [{"page": number, "name": utf16(c.FPDFAnnot_GetFormFieldName, pdf.formenv, annot),
             "type": c.FPDFAnnot_GetFormFieldType(pdf.formenv, annot),
             "tooltip": utf16(c.FPDFAnnot_GetStringValue, annot, b"TU"),
             "value": utf16(c.FPDFAnnot_GetFormFieldValue, pdf.formenv, annot)}
            for number, _, annot in widgets(pdf)]


def fill(pdf, values):
    for _, page, annot in widgets(pdf):
        value = values.get(utf16(c.FPDFAnnot_GetFormFieldName, pdf.formenv, annot))
        if value is None:
            continue
        c.FORM_SetFocusedAnnot(pdf.formenv, annot)
        if value is True:
            c.FORM_OnChar(pdf.formenv, page, 0x20, 0)   # space ticks a focused check box
        else:
            c.FORM_ReplaceSelection(pdf.formenv, page, wide(value))
        c.FORM_ForceToKillFocus(pdf.formenv)


def png(path, bitmap):
    width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, len(bitmap.mode)
    raw = bytes(bitmap.buffer)
    rows = b"".join(b"\0" + bytes(v for x in range(width) for v in (raw[y * stride + x * channels + 2],
                                                                     raw[y * stride + x * channels + 1],
                                                                     raw[y * stride + x * channels]))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                   + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def main():
    pdf = pdfium.PdfDocument(sys.argv[1])
    pdf.init_forms()
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as file:
            fill(pdf, json.load(file))
        for number, page in enumerate(pdf, start=1):
            png(f"{sys.argv[2]}-{number}.png", page.render(scale=80 / 72, may_draw_forms=True))
    json.dump(describe(pdf), sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
