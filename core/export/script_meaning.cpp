#include "export/script_meaning.h"

#include "export/code_export_common.h"

namespace nnp::codegen {

namespace {

std::string pyList(const std::vector<std::string> &values)
{
    std::string r = "[";
    for (std::size_t k = 0; k < values.size(); ++k)
        r += (k ? ", " : "") + pyString(values[k]);
    return r + "]";
}

std::string column(const CsvColumn &c)
{
    std::string r = "    (" + pyString(c.name) + ", ";
    if (c.text()) {
        r += "\"text\", (" + std::to_string(c.textLength) + ", {";
        for (std::size_t k = 0; k < c.categories.size(); ++k)
            r += (k ? ", " : "") + pyString(c.categories[k]) + ": " + std::to_string(k + 2);
        return r + "})),\n";
    }
    if (c.ids) {
        r += "\"ids\", {";
        for (std::size_t k = 0; k < c.categories.size(); ++k)
            r += (k ? ", " : "") + pyString(c.categories[k]) + ": " + std::to_string(k + 1);
        return r + "}),\n";
    }
    if (c.categorical) return r + "\"categories\", " + pyList(c.categories) + "),\n";
    return r + "\"number\", None),\n";
}

bool hasText(const ExportModel &m)
{
    for (const CsvColumn &c : m.csvColumns)
        if (c.text()) return true;
    return false;
}

// NN Playground's tokenizer (data/tokenizer.h) in Python.
constexpr const char *kTokenizer = R"PY(

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
)PY";

constexpr const char *kReader = R"PY(

def engineer(x1, x2):
    """A generator's features of the point (x1, x2), in the order of ENGINEERED."""
    features = {"x1": x1, "x2": x2, "x1^2": x1 * x1, "x2^2": x2 * x2, "x1*x2": x1 * x2,
                "sin(x1)": math.sin(x1), "sin(x2)": math.sin(x2)}
    return [features[name] for name in ENGINEERED]


def read_raw_csv(path):
    """Rows of input features from a CSV whose header names the raw columns (RAW_COLUMNS; other columns,
    e.g. the label, are ignored), encoded as NN Playground encodes them; None when the header does not
    name them all (then the file holds encoded rows: read_csv)."""
    if RAW_COLUMNS is None:
        return None
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first and ";" not in first else (
        ";" if ";" in first and "," not in first else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    if any(name not in header for name, _, _ in RAW_COLUMNS):
        return None
    where = [header.index(name) for name, _, _ in RAW_COLUMNS]
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = []
        for (name, kind, info), k in zip(RAW_COLUMNS, where):
            cell = row[k] if k < len(row) else ""
            if kind == "text":
                values += encode_text(cell, *info)
                continue
            cell = cell.strip()
            if kind == "number":
                try:
                    values.append(float(cell.replace(",", ".") if delimiter == ";" else cell))
                except ValueError:
                    raise ValueError(f"{path}:{line_no}: column {name}: {cell!r} is not a number") from None
            elif kind == "categories":
                if cell not in info:
                    raise ValueError(f"{path}:{line_no}: unknown category {cell!r} in column {name}; "
                                     f"the model knows {', '.join(info)}")
                values += [1.0 if cell == c else 0.0 for c in info]
            else:  # ids: 0 is a value the model never saw
                values.append(float(info.get(cell, 0)))
        rows.append(engineer(*values) if ENGINEERED else values)
    return rows


def class_probabilities(row):
    """One probability per class from one output row, as NN Playground reads outputs: one output is the
    sigmoid's P(last class); outputs that already sum to 1 are probabilities; other scores go through a
    softmax."""
    k = len(CLASS_NAMES)
    if len(row) == 1:
        p1 = min(max(row[0], 0.0), 1.0)
        return ([1 - p1, p1] + [0.0] * k)[:k]
    scores = row[:k]
    pad = [0.0] * (k - len(scores))
    if all(v >= 0 for v in scores) and abs(sum(scores) - 1.0) < 1e-3:
        return scores + pad
    top = max(scores)
    e = [math.exp(v - top) for v in scores]
    return [v / sum(e) for v in e] + pad


def print_predictions(rows, header=True):
    """Prints what `nnp predict` prints: the class and one probability per class, or the predicted
    values; without a known task (TASK None), the model's outputs as they are."""
    if TASK == "classification":
        if header:
            print(",".join(["class"] + [f"p({name})" for name in CLASS_NAMES]))
        for row in rows:
            p = class_probabilities(row)
            best = max(range(len(p)), key=p.__getitem__)
            print(",".join([CLASS_NAMES[best]] + [f"{v:.9g}" for v in p]))
        return
    if header and TASK == "regression":
        print(",".join(TARGET_NAMES))
    for row in rows:
        print(",".join(f"{v:.9g}" for v in row))
)PY";

} // namespace

std::string pythonMeaning(const ExportModel &m)
{
    const ExportMeaning &e = m.meaning;
    std::string s = "# What the inputs and outputs mean (from the project).\n";
    s += "TASK = " + (e.task.empty() ? std::string("None") : pyString(e.task)) +
         "  # \"classification\", \"regression\" or None (unknown)\n";
    s += "LOSS = " + (e.loss.empty() ? std::string("None") : pyString(e.loss)) + "  # the project's loss\n";
    s += "CLASS_NAMES = " + pyList(e.classNames) + "\n";
    s += "TARGET_NAMES = " + pyList(e.targetNames) + "\n";
    s += "FEATURE_NAMES = " + pyList(e.featureNames) + "  # the model's input features, in order\n";
    s += "# The raw CSV columns, in feature order, and how each becomes features: (name, \"number\", None) "
         "is\n"
         "# one feature; (name, \"categories\", [...]) one-hot, one feature per category; (name, \"ids\",\n"
         "# {value: id}) the value's id (0: a value never seen); (name, \"text\", (T, {word: id})) T word "
         "ids.\n";
    switch (e.raw) {
    case RawInputKind::Csv:
        s += "RAW_COLUMNS = [\n";
        for (const CsvColumn &c : m.csvColumns)
            s += column(c);
        s += "]\nENGINEERED = None\n";
        break;
    case RawInputKind::Plane:
        s += "RAW_COLUMNS = [(\"x1\", \"number\", None), (\"x2\", \"number\", None)]\n";
        s += "ENGINEERED = " + pyList(e.engineered) + "  # computed from x1, x2 by engineer()\n";
        break;
    case RawInputKind::Pixels:
    case RawInputKind::Encoded:
        s += "RAW_COLUMNS = None  # rows of the input features themselves (read_csv)\nENGINEERED = None\n";
        break;
    }
    if (hasText(m)) s += kTokenizer;
    return s + kReader;
}

std::string meaningDoc(const ExportModel &m)
{
    const ExportMeaning &e = m.meaning;
    std::string r;
    switch (e.raw) {
    case RawInputKind::Csv:
        r = "Reads raw CSV rows with the columns the project was trained on (RAW_COLUMNS, found by the\n"
            "header; the label column may be there): categories are one-hot encoded, ids and text looked\n"
            "up in the vocabularies the model was trained with. A file without those names holds encoded\n"
            "rows (the first N_INPUTS columns).\n";
        break;
    case RawInputKind::Plane:
        r = "Reads points with columns x1, x2 (by the header) and computes the engineered features\n"
            "(ENGINEERED) as NN Playground does; else the first N_INPUTS columns are the features.\n";
        break;
    case RawInputKind::Pixels:
        r = "Reads one row of raw pixel values 0-255 per image (the first N_INPUTS columns).\n";
        break;
    case RawInputKind::Encoded:
        r = "Reads rows of the input features: the first N_INPUTS columns (further columns, e.g. the\n"
            "label, are ignored; a header row is skipped).\n";
        break;
    }
    if (e.task == "classification")
        r += "Prints what `nnp predict` prints: the class (CLASS_NAMES) and one probability per class;\n"
             "--raw prints the model's outputs as they are.\n";
    else if (e.task == "regression")
        r += "Prints the predicted " + commentText(e.targetNames.empty() ? "values" : e.targetNames.front()) +
             " as `nnp predict` does.\n";
    else
        r += "Prints one line of outputs per row.\n";
    return r;
}

} // namespace nnp::codegen
