// The review-sentence generator (reviews.h).
#include "data/reviews.h"

#include "data/data_error.h"
#include "tensor.h"

#include <array>

namespace nnp {

namespace {

// The operands of + are evaluated in an unspecified order (GCC right to left, clang left to right), so no
// expression below makes two draws: each is a statement of its own, in the order GCC made the shipped
// samples/datasets/reviews/reviews.csv with (tst_reviews::shippedFileIsTheGenerators failed under clang).

template <class T, std::size_t N> const T &pick(Rng &rng, const std::array<T, N> &a)
{
    return a[static_cast<std::size_t>(rng.below(N))];
}

bool coin(Rng &rng)
{
    return rng.below(2) == 1;
}

// English
// ----------------------------------------------------------------------------------------------------

constexpr std::array<const char *, 8> kEnSubjects = {"the food",  "the service", "the movie", "this book",
                                                     "the hotel", "the staff",   "the room",  "the music"};
constexpr std::array<const char *, 8> kEnGood = {"good",  "great",    "excellent", "nice",
                                                 "clean", "friendly", "wonderful", "fine"};
constexpr std::array<const char *, 8> kEnBad = {"bad",   "terrible", "awful", "boring",
                                                "dirty", "rude",     "poor",  "horrible"};

std::string enAdjective(Rng &rng, bool good)
{
    return good ? pick(rng, kEnGood) : pick(rng, kEnBad);
}

/// "the food was not very good": returns the clause's polarity in `positive`.
std::string enClause(Rng &rng, bool &positive, bool intensify)
{
    const bool good = coin(rng), negated = coin(rng);
    positive = good != negated;
    std::string s = pick(rng, kEnSubjects);
    const bool past = coin(rng);
    if (negated)
        s += coin(rng) ? (past ? " was not" : " is not") : (past ? " wasn't" : " isn't");
    else
        s += past ? " was" : " is";
    if (intensify && rng.below(3) == 0) s += coin(rng) ? " very" : " really";
    return s + " " + enAdjective(rng, good);
}

std::string english(Rng &rng, ReviewForm form, int &label)
{
    bool first = false, second = false;
    switch (form) {
    case ReviewForm::Plain: {
        std::string s = enClause(rng, first, true);
        label = first;
        return s;
    }
    case ReviewForm::Contrast: {
        const std::string last = enClause(rng, second, false);
        std::string s = enClause(rng, first, false) + " but " + last;
        label = second;
        return s;
    }
    case ReviewForm::Correction:
        break;
    }
    const bool good = coin(rng);
    label = good;
    const char *verb = coin(rng) ? " was " : " is ";
    const std::string subject = std::string(pick(rng, kEnSubjects)) + verb;
    const std::string kept = enAdjective(rng, good), denied = enAdjective(rng, !good);
    return coin(rng) ? subject + kept + ", not " + denied : subject + "not " + denied + " but " + kept;
}

// Chinese
// ----------------------------------------------------------------------------------------------------

constexpr std::array<const char *, 8> kZhSubjects = {"菜",   "服务", "电影", "这本书",
                                                     "酒店", "房间", "音乐", "老师"};
constexpr std::array<const char *, 6> kZhGood = {"好", "棒", "干净", "舒服", "精彩", "有趣"};
constexpr std::array<const char *, 6> kZhBad = {"差", "糟糕", "脏", "吵", "无聊", "难受"};

std::string zhAdjective(Rng &rng, bool good)
{
    return good ? pick(rng, kZhGood) : pick(rng, kZhBad);
}

std::string zhClause(Rng &rng, bool &positive)
{
    const bool good = coin(rng), negated = coin(rng);
    positive = good != negated;
    static constexpr std::array<const char *, 3> plain = {"很", "非常", "真"},
                                                 denied = {"不", "不太", "不是很"};
    const std::string adjective = zhAdjective(rng, good);
    const char *degree = negated ? pick(rng, denied) : pick(rng, plain);
    return std::string(pick(rng, kZhSubjects)) + degree + adjective;
}

std::string chinese(Rng &rng, ReviewForm form, int &label)
{
    bool first = false, second = false;
    switch (form) {
    case ReviewForm::Plain: {
        std::string s = zhClause(rng, first);
        label = first;
        return s;
    }
    case ReviewForm::Contrast: {
        const std::string last = zhClause(rng, second);
        std::string s = zhClause(rng, first) + "，但是" + last;
        label = second;
        return s;
    }
    case ReviewForm::Correction:
        break;
    }
    const bool good = coin(rng);
    label = good;
    const std::string subject = pick(rng, kZhSubjects), kept = zhAdjective(rng, good),
                      denied = zhAdjective(rng, !good);
    return coin(rng) ? subject + kept + "，不" + denied : subject + "不" + denied + "，很" + kept;
}

} // namespace

Reviews generateReviews(const ReviewsConfig &c)
{
    if (c.sentences < 1 || c.sentences > 1'000'000)
        throw DataError("The review generator makes 1 to 1,000,000 sentences, not " +
                        std::to_string(c.sentences) + ".");
    Rng rng(c.seed);
    Reviews r;
    const auto n = static_cast<std::size_t>(c.sentences);
    r.text.reserve(n);
    r.positive.reserve(n);
    r.form.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const auto form = static_cast<ReviewForm>(rng.below(3));
        const bool zh =
            c.language == ReviewLanguage::Chinese || (c.language == ReviewLanguage::Both && coin(rng));
        int label = 0;
        r.text.push_back(zh ? chinese(rng, form, label) : english(rng, form, label));
        r.positive.push_back(label);
        r.form.push_back(form);
    }
    return r;
}

std::string Reviews::csv() const
{
    std::string out = "review,positive\n";
    for (std::size_t k = 0; k < text.size(); ++k) {
        out += '"';
        for (char ch : text[k]) {
            if (ch == '"') out += '"';
            out += ch;
        }
        out += "\"," + std::to_string(positive[k]) + "\n";
    }
    return out;
}

} // namespace nnp
