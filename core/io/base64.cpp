#include "io/base64.h"

#include <array>
#include <bit>
#include <cstdint>

namespace nnp {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int, 256> makeDecodeTable()
{
    std::array<int, 256> t{};
    for (int &v : t)
        v = -1;
    for (int i = 0; i < 64; ++i)
        t[static_cast<unsigned char>(kAlphabet[i])] = i;
    return t;
}

constexpr auto kDecode = makeDecodeTable();

} // namespace

std::size_t base64Length(std::size_t n)
{
    return (n + 2) / 3 * 4;
}

std::string base64Encode(std::span<const unsigned char> bytes)
{
    std::string out;
    out.reserve(base64Length(bytes.size()));
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v =
            (std::uint32_t(bytes[i]) << 16) | (std::uint32_t(bytes[i + 1]) << 8) | bytes[i + 2];
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = std::uint32_t(bytes[i]) << 16;
        if (rest == 2) v |= std::uint32_t(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::vector<unsigned char>> base64Decode(std::string_view text, std::size_t &errorOffset)
{
    if (text.size() % 4 != 0) {
        errorOffset = text.size();
        return std::nullopt;
    }
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
    std::vector<unsigned char> out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        std::uint32_t v = 0;
        const bool last = i + 4 == text.size();
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = text[i + k];
            const bool isPad = last && k >= 4 - padding;
            if (isPad) {
                if (c != '=') {
                    errorOffset = i + k;
                    return std::nullopt;
                }
                v <<= 6;
                continue;
            }
            const int d = kDecode[static_cast<unsigned char>(c)];
            if (d < 0) {
                errorOffset = i + k;
                return std::nullopt;
            }
            v = (v << 6) | static_cast<std::uint32_t>(d);
        }
        out.push_back(static_cast<unsigned char>(v >> 16));
        if (!(last && padding == 2)) out.push_back(static_cast<unsigned char>(v >> 8));
        if (!(last && padding >= 1)) out.push_back(static_cast<unsigned char>(v));
    }
    return out;
}

std::string floatsToBase64(std::span<const float> values)
{
    std::vector<unsigned char> bytes;
    bytes.reserve(values.size() * 4);
    for (float f : values) {
        const auto u = std::bit_cast<std::uint32_t>(f);
        for (int b = 0; b < 4; ++b)
            bytes.push_back(static_cast<unsigned char>(u >> (8 * b)));
    }
    return base64Encode(bytes);
}

std::optional<std::vector<float>> floatsFromBase64(std::string_view text, std::size_t count,
                                                   std::size_t &errorOffset)
{
    // Checked before decoding, so a tensor that claims a huge size never allocates it.
    if (text.size() != base64Length(count * 4)) {
        errorOffset = std::string_view::npos;
        return std::nullopt;
    }
    auto bytes = base64Decode(text, errorOffset);
    if (!bytes || bytes->size() != count * 4) {
        if (bytes) errorOffset = std::string_view::npos;
        return std::nullopt;
    }
    std::vector<float> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t u = 0;
        for (int b = 0; b < 4; ++b)
            u |= std::uint32_t((*bytes)[i * 4 + static_cast<std::size_t>(b)]) << (8 * b);
        out[i] = std::bit_cast<float>(u);
    }
    return out;
}

std::string doublesToBase64(std::span<const double> values)
{
    std::vector<unsigned char> bytes;
    bytes.reserve(values.size() * 8);
    for (double d : values) {
        const auto u = std::bit_cast<std::uint64_t>(d);
        for (int b = 0; b < 8; ++b)
            bytes.push_back(static_cast<unsigned char>(u >> (8 * b)));
    }
    return base64Encode(bytes);
}

std::optional<std::vector<double>> doublesFromBase64(std::string_view text, std::size_t count,
                                                     std::size_t &errorOffset)
{
    if (text.size() != base64Length(count * 8)) {
        errorOffset = std::string_view::npos;
        return std::nullopt;
    }
    auto bytes = base64Decode(text, errorOffset);
    if (!bytes || bytes->size() != count * 8) {
        if (bytes) errorOffset = std::string_view::npos;
        return std::nullopt;
    }
    std::vector<double> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t u = 0;
        for (int b = 0; b < 8; ++b)
            u |= std::uint64_t((*bytes)[i * 8 + static_cast<std::size_t>(b)]) << (8 * b);
        out[i] = std::bit_cast<double>(u);
    }
    return out;
}

} // namespace nnp
