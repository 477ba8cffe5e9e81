#pragma once
// Base64 (RFC 4648, standard alphabet, '=' padding) for the weights in project files.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

std::string base64Encode(std::span<const unsigned char> bytes);
/// Length of the encoding of n bytes.
std::size_t base64Length(std::size_t n);
/// Strict: only the alphabet, padding only at the end, length a multiple of 4. On failure returns nullopt
/// and sets errorOffset to the first offending character.
std::optional<std::vector<unsigned char>> base64Decode(std::string_view text, std::size_t &errorOffset);

/// Floats as little-endian IEEE-754 binary32, base64-encoded (exact on every host).
std::string floatsToBase64(std::span<const float> values);
/// The inverse; nullopt (and errorOffset) on a bad character or when the text does not hold exactly
/// `count` floats.
std::optional<std::vector<float>> floatsFromBase64(std::string_view text, std::size_t count,
                                                   std::size_t &errorOffset);

/// Doubles as little-endian IEEE-754 binary64 (the optimizer's state, exact for either core), and back.
std::string doublesToBase64(std::span<const double> values);
std::optional<std::vector<double>> doublesFromBase64(std::string_view text, std::size_t count,
                                                     std::size_t &errorOffset);

} // namespace nnp
