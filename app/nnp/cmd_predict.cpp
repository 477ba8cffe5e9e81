// `nnp predict FILE --input CSV`: one line per input row, with the stored model.
#include "commands.h"
#include "project_cli.h"

#include "data/csv.h"
#include "data/data_error.h"
#include "export/project_meaning.h"
#include "io/target_scaling.h"
#include "metrics/metrics.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace nnp::cli {

namespace {

struct PredictOptions {
    std::string file, input;
    bool header = true;
    int precision = 4; ///< decimals of a probability; significant digits of a regression value + 2
};

std::string readInput(const std::string &path)
{
    constexpr std::uintmax_t kMaxBytes = 1ull << 30;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) || std::filesystem::is_directory(path, ec))
        throw DataError(path, 0, 0, "The input file does not exist.");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path, 0, 0, "The input file cannot be opened.");
    // Read in pieces (the input may be a pipe, whose size is unknown), stopping at the limit.
    std::string text;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxBytes) throw DataError(path, 0, 0, "The input file is larger than 1 GB.");
    }
    return text;
}

CsvColumn numeric(std::string name)
{
    CsvColumn c;
    c.name = std::move(name);
    return c;
}

/// The header's column names (images: any names, as many as the network takes).
std::vector<std::string> headerNames(const std::string &text)
{
    std::string line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> names;
    std::stringstream s(line);
    for (std::string name; std::getline(s, name, ',');)
        names.push_back(name);
    return names;
}

/// Rows of the input file as raw values, encoded the way the training data was loaded (networkInputs does
/// the rest).
Matrix encodeInput(const Project &p, const std::optional<CsvSchema> &csvSchema, const std::string &text,
                   const std::string &source, int inputs)
{
    CsvSchema schema;
    switch (p.data.kind) {
    case DataSourceKind::Csv: {
        std::vector<std::string> notes; // ids the model never saw: read as the unknown id
        Matrix x = encodeCsvFeatures(text, *csvSchema, source, &notes);
        for (const std::string &note : notes)
            std::cerr << "nnp predict: note: " << note << "\n";
        return x;
    }
    case DataSourceKind::Generator:
        schema.features = {numeric("x1"), numeric("x2")};
        return encodeCsvFeatures(text, schema, source); // plane coordinates: networkInputs engineers them
    case DataSourceKind::Idx: {
        for (const std::string &name : headerNames(text))
            schema.features.push_back(numeric(name));
        if (static_cast<int>(schema.features.size()) != inputs)
            throw DataError(source, 1, 0,
                            "The header names " + std::to_string(schema.features.size()) +
                                " columns; the model takes " + std::to_string(inputs) +
                                " pixel values (0-255) per row.");
        return encodeCsvFeatures(text, schema, source); // raw 0-255, as the IDX loader reads pixels
    }
    }
    return {};
}

int runPredict(const PredictOptions &o)
{
    const OpenedProject opened = openProject(o.file);
    const Project &p = opened.project;
    if (p.weights.empty()) {
        std::cerr << "nnp predict: " << o.file << " has no trained weights; run `nnp train " << o.file
                  << "` first.\n";
        return BadInput;
    }
    Network net = buildNetwork(p);
    restoreWeights(p, net);
    // Projects trained in the app may lack the stored schema: then the training file says how rows are
    // encoded.
    std::optional<CsvSchema> schema = p.csvSchema;
    if (p.data.kind == DataSourceKind::Csv && !schema) schema = prepareData(p, opened.baseDir).csvSchema;
    const Matrix x = networkInputs(p, p.normalizer ? &*p.normalizer : nullptr,
                                   encodeInput(p, schema, readInput(o.input), o.input, net.inputSize()));
    if (x.rows() != net.inputSize())
        throw std::invalid_argument("The input rows encode " + std::to_string(x.rows()) +
                                    " features, but the network takes " + std::to_string(net.inputSize()) +
                                    ".");
    Matrix out = net.predict(x);
    unscaleOutputsInPlace(outputScaler(p), out); // a scaled target: back in its own units
    // The data decides, not the loss: a playground network may fit class labels with MSE.
    const bool classification = projectTask(p, schema ? &*schema : nullptr) == TaskKind::Classification;
    if (classification) {
        Project named = p;
        named.csvSchema = schema;
        const auto names = classNames(named, nullptr, static_cast<int>(out.rows()));
        const int k = static_cast<int>(names.size());
        if (o.header) {
            std::printf("class");
            for (const std::string &n : names)
                std::printf(",p(%s)", n.c_str());
            std::printf("\n");
        }
        for (Eigen::Index c = 0; c < out.cols(); ++c) {
            const auto prob = classProbabilities(out, c, k);
            const auto best =
                static_cast<std::size_t>(std::max_element(prob.begin(), prob.end()) - prob.begin());
            std::printf("%s", names[best].c_str());
            for (double v : prob)
                std::printf(",%.*f", o.precision, v);
            std::printf("\n");
        }
    } else {
        if (o.header) {
            std::string name = schema ? schema->target.name : std::string("prediction");
            for (Eigen::Index r = 0; r < out.rows(); ++r)
                std::printf("%s%s", r ? "," : "",
                            out.rows() == 1 ? name.c_str() : (name + std::to_string(r)).c_str());
            std::printf("\n");
        }
        for (Eigen::Index c = 0; c < out.cols(); ++c) {
            for (Eigen::Index r = 0; r < out.rows(); ++r)
                std::printf("%s%.*g", r ? "," : "", o.precision + 2, double(out(r, c)));
            std::printf("\n");
        }
    }
    return Ok;
}

} // namespace

void addPredictCommand(CLI::App &app, int &exitCode)
{
    auto *cmd = app.add_subcommand(
        "predict",
        "Predict with a trained project, one output line per input row (classification: the class and "
        "one probability per class). CSV projects read rows with the training file's columns (the "
        "target may be absent); generator projects read columns x1,x2 (engineered features are computed "
        "here); image projects read one row of pixel values 0-255 per image");
    auto o = std::make_shared<PredictOptions>();
    cmd->add_option("FILE", o->file, "Trained project file (.nnp)")->required();
    cmd->add_option("--input,-i", o->input, "CSV file with a header row")->required();
    cmd->add_flag("!--no-header", o->header, "Leave out the header line of the output");
    cmd->add_option("--precision,-p", o->precision,
                    "Decimals of each class probability (default 4); a regression value gets 2 more "
                    "significant digits")
        ->check(CLI::Range(1, 15));
    cmd->callback([o, &exitCode] { exitCode = guarded("predict", [&] { return runPredict(*o); }); });
}

} // namespace nnp::cli
