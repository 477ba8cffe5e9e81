#include "io/lesson_io.h"

#include <algorithm>
#include <string>

namespace nnp::io {

namespace {

using OJson = nlohmann::ordered_json;

template <class E, class All> std::vector<std::string_view> namesOf(const All &all)
{
    std::vector<std::string_view> r;
    for (E e : all)
        r.push_back(toString(e));
    return r;
}

LessonText readText(const JsonCursor &c)
{
    c.expectObject({"en", "zh"});
    LessonText t;
    t.en = c.at("en").toString(kMaxLessonText);
    if (t.en.empty()) c.at("en").fail("the English text is empty.");
    if (auto v = c.find("zh")) t.zh = v->toString(kMaxLessonText);
    return t;
}

std::vector<std::string> readPanels(const JsonCursor &c)
{
    const std::size_t n = c.arraySize(std::size(kLessonPanels));
    std::vector<std::string> panels;
    const std::vector<std::string_view> names(std::begin(kLessonPanels), std::end(kLessonPanels));
    for (std::size_t i = 0; i < n; ++i) {
        const JsonCursor pc = c[i];
        std::string name = pc.toEnum<std::string>(
            [](const std::string &s) { return isLessonPanel(s) ? std::optional(s) : std::nullopt; }, names);
        if (std::find(panels.begin(), panels.end(), name) != panels.end())
            pc.fail("the panel \"" + name + "\" is listed twice.");
        panels.push_back(std::move(name));
    }
    return panels;
}

std::vector<LessonControl> readLocked(const JsonCursor &c)
{
    const std::size_t n = c.arraySize(allLessonControls().size());
    const auto names = namesOf<LessonControl>(allLessonControls());
    std::vector<LessonControl> locked;
    for (std::size_t i = 0; i < n; ++i) {
        const JsonCursor lc = c[i];
        const LessonControl control = lc.toEnum<LessonControl>(lessonControlFromString, names);
        if (std::find(locked.begin(), locked.end(), control) != locked.end())
            lc.fail("the control \"" + std::string(toString(control)) + "\" is listed twice.");
        locked.push_back(control);
    }
    return locked;
}

LessonGoal readGoal(const JsonCursor &c)
{
    c.expectObject({"kind", "value", "percent", "epochs", "control"});
    LessonGoal g;
    g.kind = c.at("kind").toEnum<GoalKind>(goalKindFromString, namesOf<GoalKind>(allGoalKinds()));
    const GoalParameters needs = goalParameters(g.kind);
    const std::string kind(toString(g.kind));
    const auto check = [&](const char *key, bool needed) {
        const auto v = c.find(key);
        if (needed && !v) c.fail("a goal \"" + kind + "\" needs \"" + key + "\".");
        if (!needed && v) v->fail("a goal \"" + kind + "\" takes no \"" + key + "\".");
        return v;
    };
    if (auto v = check("value", needs.value)) {
        const bool accuracy =
            g.kind == GoalKind::TestAccuracyAtLeast || g.kind == GoalKind::TrainAccuracyAtLeast;
        g.value = v->toDouble(0, accuracy ? 1.0 : 1e30);
    }
    if (auto v = check("percent", needs.percent)) g.percent = v->toDouble(0, 1e6);
    if (needs.epochsOptional) {
        if (auto v = c.find("epochs")) g.epochs = v->toInt(1, 1'000'000);
    } else if (auto v = check("epochs", needs.epochs))
        g.epochs = v->toInt(1, 1'000'000);
    if (auto v = check("control", needs.control))
        g.control =
            v->toEnum<LessonControl>(lessonControlFromString, namesOf<LessonControl>(allLessonControls()));
    return g;
}

LessonStep readStep(const JsonCursor &c)
{
    c.expectObject({"title", "text", "panels", "locked", "goal"});
    LessonStep s;
    s.title = readText(c.at("title"));
    s.text = readText(c.at("text"));
    if (auto v = c.find("panels")) s.panels = readPanels(*v);
    if (auto v = c.find("locked")) s.locked = readLocked(*v);
    if (auto v = c.find("goal")) s.goal = readGoal(*v);
    return s;
}

OJson textJson(const LessonText &t)
{
    OJson j = {{"en", t.en}};
    if (!t.zh.empty()) j["zh"] = t.zh;
    return j;
}

OJson goalJson(const LessonGoal &g)
{
    OJson j = {{"kind", toString(g.kind)}};
    const GoalParameters p = goalParameters(g.kind);
    if (p.value) j["value"] = g.value;
    if (p.percent) j["percent"] = g.percent;
    if (p.epochs || (p.epochsOptional && g.epochs > 0)) j["epochs"] = g.epochs;
    if (p.control) j["control"] = toString(g.control);
    return j;
}

} // namespace

Lesson readLesson(const JsonCursor &c)
{
    c.expectObject({"steps"});
    const JsonCursor steps = c.at("steps");
    const std::size_t n = steps.arraySize(kMaxLessonSteps);
    if (n == 0) steps.fail("a lesson needs at least one step.");
    Lesson lesson;
    for (std::size_t i = 0; i < n; ++i)
        lesson.steps.push_back(readStep(steps[i]));
    return lesson;
}

nlohmann::ordered_json lessonJson(const Lesson &lesson)
{
    OJson steps = OJson::array();
    for (const LessonStep &s : lesson.steps) {
        OJson j = {{"title", textJson(s.title)}, {"text", textJson(s.text)}};
        if (!s.panels.empty()) j["panels"] = s.panels;
        if (!s.locked.empty()) {
            OJson locked = OJson::array();
            for (LessonControl c : s.locked)
                locked.push_back(toString(c));
            j["locked"] = locked;
        }
        if (s.goal.kind != GoalKind::None) j["goal"] = goalJson(s.goal);
        steps.push_back(j);
    }
    return {{"steps", steps}};
}

} // namespace nnp::io
