#include "data/idx.h"

#include "data/data_error.h"
#include "memory_budget.h"
#include "tensor.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

// IDX (MNIST's format): a big-endian magic 0x0000TTDD (TT = element type, DD = number of dimensions), DD
// big-endian uint32 sizes, then the elements row-major. zlib's gzread reads gzip'd and plain files alike.
// Nothing is allocated from a header's sizes until the file is known to hold that much data: a plain file is
// compared with its size on disk, a gzip'd one is inflated in bounded chunks and compared as it arrives.

namespace nnp {

namespace {

constexpr std::uint8_t kUnsignedByte = 0x08;
constexpr std::uint32_t kImagesMagic = 0x00000803, kLabelsMagic = 0x00000801;
constexpr std::uint64_t kMaxPixels = std::uint64_t(1) << 30; // 1 GiB of pixels (4 GiB of floats)
constexpr std::uint32_t kMaxSide = 4096;
constexpr unsigned kChunk = 1u << 20;

std::string hex(std::uint32_t v)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string s = "0x";
    for (int shift = 28; shift >= 0; shift -= 4)
        s += digits[(v >> shift) & 0xF];
    return s;
}

class GzReader {
public:
    explicit GzReader(const std::string &path) : m_path(path)
    {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw DataError(path, 0, 0, "No such file (or it is not a regular file).");
        m_file = gzopen(path.c_str(), "rb");
        if (!m_file) throw DataError(path, 0, 0, "Cannot open the file.");
    }
    ~GzReader() { gzclose(m_file); }
    GzReader(const GzReader &) = delete;
    GzReader &operator=(const GzReader &) = delete;

    /// Reads up to n bytes into dst; returns how many were read (fewer only at the end of the data).
    std::size_t read(unsigned char *dst, std::size_t n)
    {
        std::size_t done = 0;
        while (done < n) {
            const auto want = static_cast<unsigned>(std::min<std::size_t>(n - done, kChunk));
            const int got = gzread(m_file, dst + done, want);
            if (got < 0) {
                int code = 0;
                const char *msg = gzerror(m_file, &code);
                throw DataError(m_path, 0, 0,
                                std::string("The compressed data is damaged (zlib: ") + (msg ? msg : "?") +
                                    ").");
            }
            if (got == 0) break;
            done += static_cast<std::size_t>(got);
        }
        return done;
    }
    [[nodiscard]] bool isPlain() { return gzdirect(m_file) == 1; }

private:
    std::string m_path;
    gzFile m_file = nullptr;
};

std::uint32_t bigEndian(const unsigned char *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

struct IdxFile {
    std::vector<std::uint32_t> dims;
    std::vector<unsigned char> data;
};

std::string describeMagic(std::uint32_t magic)
{
    if (magic == kImagesMagic) return "an IDX image file";
    if (magic == kLabelsMagic) return "an IDX label file";
    if ((magic >> 16) == 0x1F8B) return "gzip data that could not be inflated";
    return "not an IDX file";
}

/// Reads one IDX file of unsigned bytes (its rank is the magic's low byte), checking every size before
/// allocating.
IdxFile readIdx(const std::string &path, std::uint32_t expectedMagic, const char *what)
{
    GzReader in(path);
    std::array<unsigned char, 4> head{};
    if (in.read(head.data(), head.size()) < head.size())
        throw DataError(path, 0, 0, std::string("The file is too short to be an IDX ") + what + " file.");
    const std::uint32_t magic = bigEndian(head.data());
    if (magic != expectedMagic) {
        const bool unsupportedType = (magic >> 16) == 0 && (magic & 0xFF) == (expectedMagic & 0xFF) &&
                                     ((magic >> 8) & 0xFF) != kUnsignedByte;
        throw DataError(path, 0, 0,
                        "Wrong magic number " + hex(magic) + " (" +
                            (unsupportedType ? std::string("an element type other than unsigned bytes")
                                             : describeMagic(magic)) +
                            "); an IDX " + what + " file starts with " + hex(expectedMagic) + ".");
    }
    const std::size_t rank = expectedMagic & 0xFF;
    std::vector<unsigned char> sizeBytes(4 * rank);
    if (in.read(sizeBytes.data(), sizeBytes.size()) < sizeBytes.size())
        throw DataError(path, 0, 0, "The header is cut off: it needs " + std::to_string(rank) + " sizes.");
    IdxFile f;
    std::uint64_t total = 1;
    for (std::size_t k = 0; k < rank; ++k) {
        const std::uint32_t v = bigEndian(sizeBytes.data() + 4 * k);
        const std::uint32_t limit = k == 0 ? 0x7FFFFFFFu : kMaxSide;
        if (v == 0 || v > limit)
            throw DataError(path, 0, 0,
                            "Size " + std::to_string(k + 1) + " in the header is " + std::to_string(v) +
                                "; it must lie between 1 and " + std::to_string(limit) + ".");
        f.dims.push_back(v);
        total *= v; // at most 2^31 · 4096² < 2^64
    }
    if (total > kMaxPixels)
        throw DataError(path, 0, 0,
                        "The header announces " + std::to_string(total) + " bytes of data, more than the " +
                            std::to_string(kMaxPixels) + " this program loads.");
    // The memory budget before anything is inflated (1 MB of gzip can announce and hold 1 GB of pixels): the
    // bytes, the dataset's Scalars and as much again for the split and normalised copy.
    requireMemory(total * (1 + 2 * sizeof(Scalar)), MemoryError::Subject::File, path);
    const std::uint64_t headerBytes = 4 + 4 * rank;
    if (in.isPlain()) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec && size != headerBytes + total)
            throw DataError(path, 0, 0,
                            "The header announces " + std::to_string(total) +
                                " bytes of data but the file holds " +
                                std::to_string(size > headerBytes ? size - headerBytes : 0) +
                                (size < headerBytes + total ? " (the file is truncated)."
                                                            : " (extra bytes at the end)."));
    }
    // Grow with the data actually present, so a gzip'd file that lies about its size costs only what it
    // holds.
    std::uint64_t have = 0;
    while (have < total) {
        const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(total - have, 16 * kChunk));
        f.data.resize(static_cast<std::size_t>(have) + step);
        const std::size_t got = in.read(f.data.data() + have, step);
        have += got;
        if (got < step)
            throw DataError(path, 0, 0,
                            "The file is truncated: the header announces " + std::to_string(total) +
                                " bytes of data but it holds only " + std::to_string(have) + ".");
    }
    unsigned char extra = 0;
    if (in.read(&extra, 1) != 0)
        throw DataError(path, 0, 0,
                        "The file has extra bytes after the " + std::to_string(total) +
                            " bytes its header announces.");
    return f;
}

std::string stemOf(const std::string &path)
{
    std::filesystem::path p(path);
    if (p.extension() == ".gz") p = p.stem();
    return p.stem().string();
}

} // namespace

Dataset loadIdx(const std::string &imagesPath, const std::string &labelsPath)
{
    const IdxFile images = readIdx(imagesPath, kImagesMagic, "image");
    const IdxFile labels = readIdx(labelsPath, kLabelsMagic, "label");
    const std::uint32_t count = images.dims[0], rows = images.dims[1], cols = images.dims[2];
    if (labels.dims[0] != count)
        throw DataError(labelsPath, 0, 0,
                        "The file has " + std::to_string(labels.dims[0]) + " labels but " + imagesPath +
                            " has " + std::to_string(count) + " images.");
    const int maxLabel = *std::max_element(labels.data.begin(), labels.data.end());

    Dataset d;
    d.name = stemOf(imagesPath);
    d.task = TaskKind::Classification;
    const auto features = static_cast<Eigen::Index>(rows) * cols;
    d.x.resize(features, static_cast<Eigen::Index>(count));
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(count); ++i) {
        const unsigned char *src = images.data.data() + i * features;
        for (Eigen::Index p = 0; p < features; ++p)
            d.x(p, i) = static_cast<Scalar>(src[p]);
    }
    d.labels.assign(labels.data.begin(), labels.data.end());
    d.classes = maxLabel + 1;
    for (int c = 0; c < d.classes; ++c)
        d.classNames.push_back(std::to_string(c));
    d.featureNames.reserve(static_cast<std::size_t>(features));
    for (std::uint32_t r = 0; r < rows; ++r)
        for (std::uint32_t c = 0; c < cols; ++c)
            d.featureNames.push_back("pixel_" + std::to_string(r) + "_" + std::to_string(c));
    d.sampleShape = Shape{1, static_cast<int>(rows), static_cast<int>(cols)};
    return d;
}

} // namespace nnp
