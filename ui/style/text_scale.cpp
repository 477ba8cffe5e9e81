#include "style/text_scale.h"

#include <algorithm>

namespace nnp {

namespace {
double g_textScale = 1.0;
} // namespace

double textScale()
{
    return g_textScale;
}

void setTextScale(double factor)
{
    g_textScale = std::clamp(factor, 1.0, 2.5);
}

} // namespace nnp
