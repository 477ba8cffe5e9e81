// libFuzzer harness: the IDX reader (plain or gzip'd images and labels). The input's first byte says which
// file it is (even: the images, odd: the labels); the other is a small valid file (tests/fuzz/README.md).
#include "fuzz_common.h"

#include "data/idx.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

std::string tempPath(const char *name)
{
    return "/tmp/nnp-fuzz-" + std::to_string(::getpid()) + "-" + name;
}

void writeFile(const std::string &path, const std::string_view bytes)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Two 2 × 2 images and their labels.
const std::string kImages("\x00\x00\x08\x03\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x02"
                          "\x00\x40\x80\xff\x10\x20\x30\x40",
                          24);
const std::string kLabels("\x00\x00\x08\x01\x00\x00\x00\x02\x01\x00", 10);

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    nnp::fuzz::init();
    if (size == 0) return 0;
    static const std::string images = tempPath("images"), labels = tempPath("labels");
    const std::string_view rest = nnp::fuzz::text(data + 1, size - 1);
    const bool fuzzLabels = (data[0] & 1) != 0;
    writeFile(images, fuzzLabels ? std::string_view(kImages) : rest);
    writeFile(labels, fuzzLabels ? rest : std::string_view(kLabels));
    try {
        (void)nnp::loadIdx(images, labels);
    } catch (const std::exception &) {
    }
    return 0;
}
