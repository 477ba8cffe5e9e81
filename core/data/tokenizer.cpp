#include "data/tokenizer.h"

#include <algorithm>
#include <stdexcept>

namespace nnp {

namespace {

/// Decodes one UTF-8 code point at `i` (advancing it); -1 for an invalid byte (one byte is consumed).
long decode(std::string_view s, std::size_t &i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    const int extra = b0 >= 0xF0 && b0 < 0xF5   ? 3
                      : b0 >= 0xE0 && b0 < 0xF0 ? 2
                      : b0 >= 0xC2 && b0 < 0xE0 ? 1
                                                : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        return -1;
    }
    long cp = b0 & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

/// Han (CJK unified ideographs and extensions, compatibility), kana, Hangul: one token per character.
bool isCjk(long cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

/// White space and punctuation: ASCII, Latin-1 and general punctuation, CJK symbols and punctuation
/// (。、「」), full-width forms (，！？), and U+FFFD (what a decoder makes of invalid bytes).
bool isSeparator(long cp)
{
    if (cp < 0) return true;
    if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFEFF || cp == 0xFFFD;
}

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

std::vector<std::string> tokenize(std::string_view text)
{
    std::vector<std::string> tokens;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) tokens.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const long cp = decode(text, i);
        if (cp == '\'' || cp == 0x2019) { // an apostrophe between two letters stays in the word
            const char next = i < text.size() ? text[i] : ' ';
            const bool letterAfter = isWordByte(next) || (next >= 'A' && next <= 'Z');
            if (!word.empty() && isWordByte(word.back()) && letterAfter) {
                word += '\'';
                continue;
            }
            flush();
            continue;
        }
        if (isSeparator(cp)) {
            flush();
            continue;
        }
        if (isCjk(cp)) {
            flush();
            tokens.emplace_back(text.substr(start, i - start));
            continue;
        }
        if (cp >= 'A' && cp <= 'Z')
            word += static_cast<char>(cp + ('a' - 'A'));
        else
            word.append(text.substr(start, i - start));
    }
    flush();
    return tokens;
}

void VocabularyBuilder::add(std::string_view sentence)
{
    for (std::string &t : tokenize(sentence)) {
        const auto it = m_counts.find(t);
        if (it == m_counts.end())
            m_counts.emplace(std::move(t), 1);
        else
            ++it->second;
    }
}

std::vector<std::string> VocabularyBuilder::vocabulary(int maxWords) const
{
    std::vector<std::pair<std::string, long long>> all(m_counts.begin(), m_counts.end()); // by byte value
    std::stable_sort(all.begin(), all.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    std::vector<std::string> words;
    const std::size_t keep = std::min(all.size(), static_cast<std::size_t>(std::max(0, maxWords)));
    words.reserve(keep);
    for (std::size_t k = 0; k < keep; ++k)
        words.push_back(all[k].first);
    return words;
}

TextEncoder::TextEncoder(const std::vector<std::string> &vocabulary, int length) : m_length(length)
{
    if (length < 1 || length > kMaxTextLength)
        throw std::invalid_argument("A text's length T must be 1 to " + std::to_string(kMaxTextLength) + ".");
    for (std::size_t k = 0; k < vocabulary.size(); ++k)
        m_ids.emplace(vocabulary[k], static_cast<int>(k) + 2);
}

std::vector<int> TextEncoder::encode(std::string_view sentence, long long *unknown) const
{
    const std::vector<std::string> tokens = tokenize(sentence);
    std::vector<int> ids(static_cast<std::size_t>(m_length), kPaddingToken);
    const std::size_t n = std::min(tokens.size(), ids.size());
    const std::size_t first = tokens.size() - n, pad = ids.size() - n; // keep the last T tokens
    for (std::size_t k = 0; k < n; ++k) {
        const auto it = m_ids.find(tokens[first + k]);
        ids[pad + k] = it == m_ids.end() ? kUnknownToken : it->second;
        if (it == m_ids.end() && unknown) ++*unknown;
    }
    return ids;
}

} // namespace nnp
