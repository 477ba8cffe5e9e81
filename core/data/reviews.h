#pragma once
// Review sentences whose sentiment depends on word order and negation (issue 11, the essay scorer's data):
// generated, reproducible from a seed, no licence questions. English and Chinese.
//
// Three forms, each a third of the sentences on average:
// - plain: "the food was not very good", "服务不太好" — the clause's polarity, negation flips it;
// - contrast: "the food was good but the staff was rude", "菜很好，但是房间很脏" — the clause after "but"
//   (但是) decides;
// - correction: "the room was clean, not dirty" and "the room was not dirty but clean", "房间干净，不脏" and
//   "房间不脏，很干净" — the word the negation does not touch decides.
// A correction has the same bag of words as its mirror with the opposite label ("good, not bad" / "bad, not
// good"), and which clause a negation belongs to is a matter of order: a model that only counts words
// (Embedding → average → Dense) plateaus well below what an LSTM reaches. Labels are exact (no noise).

#include <cstdint>
#include <string>
#include <vector>

namespace nnp {

enum class ReviewLanguage { English, Chinese, Both };
enum class ReviewForm { Plain, Contrast, Correction };

struct ReviewsConfig {
    int sentences = 2000;
    ReviewLanguage language = ReviewLanguage::Both; ///< Both: each sentence's language drawn 50/50
    std::uint64_t seed = 1;
};

struct Reviews {
    std::vector<std::string> text; ///< UTF-8
    std::vector<int> positive;     ///< 1 positive, 0 negative
    std::vector<ReviewForm> form;
    /// "review,positive" and one quoted row per sentence (RFC 4180), LF line ends.
    [[nodiscard]] std::string csv() const;
};

/// Throws DataError for fewer than 1 or more than 1,000,000 sentences.
Reviews generateReviews(const ReviewsConfig &config);

} // namespace nnp
