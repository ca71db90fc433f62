#!/usr/bin/env python3
"""Writes the CSV fixture files (one per quirk). Run from anywhere; the files are
committed, this script only documents their exact bytes and can recreate them."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
NBSP, NNBSP = "\u00a0", "\u202f"

TEXT = {
    "quoted_newline.csv": "id,note\n1,\"line one\nline two\"\n2,plain\n",
    "quoted_delimiter.csv": "name,address\n\"Smith, John\",\"1 Main St, Springfield\"\n\"Doe, Jane\",\"2 Elm St\"\n",
    "doubled_quotes.csv": "id,quote\n1,\"He said \"\"hi\"\"\"\n2,\"\"\"\"\n",
    "crlf.csv": "a,b\r\n1,2\r\n3,4\r\n",
    "lone_cr.csv": "a,b\r1,2\r3,4\r",
    "tab_delimited.tsv": "id\tname\tqty\n1\tAnn\t3\n2\tBob\t5\n3\tCy\t8\n",
    "pipe_delimited.csv": "id|name|price\n1|Ann|2.50\n2|Bob|3.75\n3|Cy|10.00\n",
    "integers_written_as_decimals.csv": "CustomerID,qty\n17850.0,3\n13047.0,12\n",
    "decimal_mark_from_other_columns.csv": "id;qty;amount\n1;1.234;12,50\n2;2.000;7,00\n3;15;1,25\n",
    "no_header.csv": "1,Ann,12.50\n2,Bob,7.25\n3,Cy,1.00\n",
    "semicolon_decimal_comma.csv":
        "Klient;Kwota;Data\nA;1.240.294,00;01.02.2024\nB;15,50;13.02.2024\nC;3.000,10;28.02.2024\n",
    "thousands_space_nbsp.csv":
        f"name;amount\nA;1 234,50\nB;12{NBSP}345,00\nC;1{NNBSP}000{NBSP}000,25\nD;7,00\n",
    "thousands_comma_decimal_point.csv": "id,amount\n1,\"1,234.50\"\n2,\"12,000.00\"\n3,7.25\n",
    "date_dmy_dots.csv": "id,date\n1,01.02.2024\n2,25.12.2023\n3,05.06.2023\n",
    "date_mdy_proven.csv": "id,date\n1,02/01/2024\n2,12/25/2023\n3,06/05/2023\n",
    "date_ambiguous.csv": "id,date\n1,01/02/2024\n2,03/04/2024\n3,12/11/2023\n",
    "iso_datetime.csv": "id,created\n1,2024-01-31 08:26:00\n2,2023-12-01T17:05\n",
    "excel_serial_dates.csv": "id,Order Date,amount\n1,45292,10\n2,45293.5,20\n3,44927,30\n",
    "currency_symbols.csv": "item;price\nA;€ 12,50\nB;€ 3,00\nC;-€ 1.234,00\n",
    "currency_codes_suffix.csv": "item,price\nA,12.50 PLN\nB,3.00 PLN\nC,(7.25 PLN)\n",
    "empty.csv": "",
    "unterminated_quote_at_eof.csv": "a,b\n1,\"never closed\n2,3\n",
    "stray_quote_in_unquoted.csv": "a,b\n1,ab\"c\n2,d\n",
    "text_after_closing_quote.csv": "a,b\n1,\"ab\"cd\n",
    "ragged_rows.csv": "a,b,c\n1,2,3\n4,5\n6,7,8,9\n1,2,3\n",
    "header_only.csv": "id,name,amount\n",
    "blank_lines.csv": "a,b\n\n1,2\n\n3,4\n",
    "trailing_empty_fields.csv": "a,b,c\n1,,\n,,\n",
}

def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)

def main():
    for name, text in TEXT.items():
        write(name, text.encode("utf-8"))
    write("bom_utf8.csv", b"\xef\xbb\xbf" + "name,city\nZofia,Kraków\n".encode())
    pl = "name;amount\nŁukasz;12,50\nŻaneta;7,00\n"
    write("utf16le_bom.csv", b"\xff\xfe" + pl.encode("utf-16-le"))
    write("utf16be_bom.csv", b"\xfe\xff" + pl.encode("utf-16-be"))
    write("windows1250_polish.csv", (
        "imię;miasto;kwota\nŁucja Żółć;Łódź;1 234,50\n"
        "Grzegorz Brzęczyszczykiewicz;Chrząszczyżewoszyce;99,99\n"
        "Joanna Świątek;Gdańsk;15,00\nMałgorzata Źrebięcka;Poznań;7,25\n").encode("cp1250"))
    write("windows1252_euro.csv", (
        "product,price,note\nCafé crème,€ 3.50,très bon\nRésumé,€ 12.00,déjà vu\n"
        "Crêpe,€ 4.25,à la carte\n").encode("cp1252"))
    write("invalid_utf8.csv", b"name,city\nAnna,Krak\xc3\xb3w\nBob,Gda\xffsk\n" + "Celina,Zażółć\n".encode())
    write("binary_file.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write("control_chars.csv", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20 + b"a,b\n")
    write("long_field.csv", b"id,text\n1,\"" + b"x" * 20000 + b"\"\n2,short\n")

if __name__ == "__main__":
    main()
