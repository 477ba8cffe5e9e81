#pragma once
// Text for Embeddings (issue 11): a tokenizer, a vocabulary from the training split and the padding of each
// sentence to T ids. No Qt: the CSV reader, `nnp predict` and the exports share it.
//
// Tokens: ASCII letters are lowercased; words are split on white space and punctuation (ASCII and
// CJK/full-width punctuation); an apostrophe inside a word stays ("don't", "isn't": negations stay whole);
// every CJK character (Han, kana, Hangul) is a token of its own, so Chinese is split per character ("不好" →
// "不", "好"). Other letters (é, ж) stay inside words as they are. Invalid UTF-8 bytes separate words.
//
// Ids: 0 is padding (kPaddingToken), 1 an unknown word (kUnknownToken), a known word k + 2 where k is its
// place in the vocabulary (most frequent first, ties by byte value). A sentence becomes exactly T ids: its
// last T tokens, right-aligned behind padding (Keras' pad_sequences defaults, padding and truncating "pre"),
// so the last word is always the last step.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

inline constexpr int kPaddingToken = 0;
inline constexpr int kUnknownToken = 1;
inline constexpr int kMaxTextLength = 1000;           ///< T: ids per sentence
inline constexpr int kMaxVocabularyWords = 1'000'000; ///< words a text column may keep

/// A CSV column of text: which column, how many ids per sentence (T), how many words at most (K; the
/// Embedding then needs K + 2 ids).
struct TextColumnOptions {
    std::string column;
    int length = 12;
    int vocabulary = 2000;
    bool operator==(const TextColumnOptions &) const = default;
};

/// The tokens of one text, in order.
std::vector<std::string> tokenize(std::string_view text);

/// Counts tokens over sentences; vocabulary() returns the `maxWords` most frequent (ties by byte value).
class VocabularyBuilder {
public:
    void add(std::string_view sentence);
    [[nodiscard]] std::vector<std::string> vocabulary(int maxWords) const;

private:
    std::map<std::string, long long, std::less<>> m_counts;
};

/// Looks words up in a vocabulary (word k has id k + 2) and pads sentences to T ids.
class TextEncoder {
public:
    TextEncoder(const std::vector<std::string> &vocabulary, int length);
    /// The T ids of a sentence; `unknown` (when given) is increased by the number of unknown words kept.
    [[nodiscard]] std::vector<int> encode(std::string_view sentence, long long *unknown = nullptr) const;
    [[nodiscard]] int length() const { return m_length; }

private:
    std::map<std::string, int, std::less<>> m_ids;
    int m_length;
};

} // namespace nnp
