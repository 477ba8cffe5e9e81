#include "export/text_script.h"

#include "export/code_export_common.h"

namespace nnp::codegen {

std::string pythonTextReader(const ExportModel &m)
{
    if (m.csvColumns.empty()) return {};
    // (name, T, vocabulary) per feature column in order; T 0 is a numeric column.
    std::string cols = "TEXT_COLUMNS = [\n";
    for (const CsvColumn &c : m.csvColumns) {
        cols += "    (" + pyString(c.name) + ", " + std::to_string(c.textLength) + ", {";
        for (std::size_t k = 0; c.text() && k < c.categories.size(); ++k)
            cols += (k ? ", " : "") + pyString(c.categories[k]) + ": " + std::to_string(k + 2);
        cols += "}),\n";
    }
    cols += "]\n";
    return cols + R"PY(

def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x2FA1F or 0x3040 <= cp <= 0x30FF or 0xAC00 <= cp <= 0xD7AF)


def _is_separator(cp):
    if cp < 0x80:
        c = chr(cp)
        return not ("a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9")
    return (0x80 <= cp <= 0xBF or cp in (0xD7, 0xF7, 0xFEFF, 0xFFFD) or 0x2000 <= cp <= 0x206F
            or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFF0F or 0xFF1A <= cp <= 0xFF20
            or 0xFF3B <= cp <= 0xFF40 or 0xFF5B <= cp <= 0xFF65)


def _word_char(c):
    return "a" <= c <= "z" or "0" <= c <= "9" or ord(c) >= 0x80


def tokenize(text):
    """NN Playground's tokenizer: ASCII lowercased, split on spaces and punctuation, an apostrophe inside a
    word kept, every CJK character a token of its own."""
    tokens, word = [], ""
    for i, ch in enumerate(text):
        cp = ord(ch)
        if ch in "'\u2019":
            after = text[i + 1] if i + 1 < len(text) else " "
            if word and _word_char(word[-1]) and (_word_char(after) or "A" <= after <= "Z"):
                word += "'"
                continue
        if ch in "'\u2019" or _is_separator(cp):
            if word:
                tokens.append(word)
            word = ""
        elif _is_cjk(cp):
            if word:
                tokens.append(word)
            word = ""
            tokens.append(ch)
        else:
            word += ch.lower() if "A" <= ch <= "Z" else ch
    if word:
        tokens.append(word)
    return tokens


def encode_text(text, length, vocabulary):
    """The last `length` words as ids behind padding: 0 pads, 1 is an unknown word."""
    ids = [vocabulary.get(w, 1) for w in tokenize(text)][-length:]
    return [0] * (length - len(ids)) + ids


def read_raw_csv(path):
    """Rows of raw inputs from a CSV whose header names the model's columns (text is tokenised); None when
    the first row does not name them (then the file holds encoded rows: read_csv)."""
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    if any(name not in header for name, _, _ in TEXT_COLUMNS):
        return None
    where = [header.index(name) for name, _, _ in TEXT_COLUMNS]
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        values = []
        for (name, length, vocabulary), k in zip(TEXT_COLUMNS, where):
            values += encode_text(row[k], length, vocabulary) if length else [float(row[k])]
        rows.append(values)
    return rows
)PY";
}

} // namespace nnp::codegen
