#pragma once
// Internal to the project reader and writer: the "lesson" block (core/lesson/lesson.h).
//
//   "lesson": {"steps": [{"title": {"en": "…", "zh": "…"}, "text": {"en": "…", "zh": "…"},
//                          "panels": ["output", "curves"], "locked": ["network", "data"],
//                          "goal": {"kind": "diverged"}}, …]}
//
// A step needs a title and a text with "en" ("zh" is optional; the app falls back to English). "panels"
// and "locked" are optional. The goal's keys are "kind" and what the kind needs: "value"
// (test_accuracy_at_least, train_accuracy_at_least, train_loss_at_most, test_loss_at_most; with them an
// optional "epochs": not before that many epochs), "percent" and
// "epochs" (stalled), "epochs" (epochs_at_least), "control" (edited), "percent" (overfitting); other keys
// are refused. The explain walk's goals (explained_forward, explained_backward, explained_update) take none.

#include "io/json_cursor.h"
#include "lesson/lesson.h"

#include <nlohmann/json.hpp>

namespace nnp::io {

Lesson readLesson(const JsonCursor &c);
nlohmann::ordered_json lessonJson(const Lesson &lesson);

} // namespace nnp::io
