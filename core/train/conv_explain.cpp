#include "train/conv_explain.h"

#include <algorithm>
#include <stdexcept>

namespace nnp {

namespace {

const ParamTrace *paramOf(const NodeTrace &nt, const char *name)
{
    for (const ParamTrace &p : nt.params)
        if (p.name == name) return &p;
    return nullptr;
}

void check(bool ok, const char *what)
{
    if (!ok) throw std::out_of_range(what);
}

int batchOf(const NodeTrace &nt)
{
    return nt.inputs.empty() ? 1 : std::max<int>(1, static_cast<int>(nt.inputs[0].cols()));
}

/// The taps of one window of channel plane(s) [firstChannel, lastChannel), in the kernel's order.
std::vector<WindowTap> tapsAt(const NodeTrace &nt, int firstChannel, int lastChannel, int oy, int ox,
                              int sample)
{
    const WindowGeometry &g = nt.window;
    std::vector<WindowTap> taps;
    for (int c = firstChannel; c < lastChannel; ++c)
        for (int i = 0; i < g.kh; ++i)
            for (int j = 0; j < g.kw; ++j) {
                WindowTap t;
                t.channel = c;
                t.ki = i;
                t.kj = j;
                t.y = oy * g.sh - g.padTop + i * g.dh;
                t.x = ox * g.sw - g.padLeft + j * g.dw;
                t.inside = t.y >= 0 && t.y < g.height && t.x >= 0 && t.x < g.width;
                if (t.inside) t.input = double(nt.inputs[0](inputIndex(g, c, t.y, t.x), sample));
                taps.push_back(t);
            }
    return taps;
}

void checkPosition(const NodeTrace &nt, int channels, int f, int oy, int ox, int sample)
{
    const WindowGeometry &g = nt.window;
    check(g.outPlane() > 0 && !nt.inputs.empty(), "not a windowed node");
    check(f >= 0 && f < channels && oy >= 0 && oy < g.outHeight && ox >= 0 && ox < g.outWidth,
          "output position out of range");
    check(sample >= 0 && sample < nt.inputs[0].cols(), "sample out of range");
}

} // namespace

ConvPosition convPosition(const NodeTrace &nt, int filter, int oy, int ox, int sample)
{
    const ParamTrace *w = paramOf(nt, "weight");
    check(w != nullptr, "convPosition: no kernel");
    checkPosition(nt, static_cast<int>(w->before.rows()), filter, oy, ox, sample);
    const WindowGeometry &g = nt.window;
    ConvPosition p;
    p.taps = tapsAt(nt, 0, g.channels, oy, ox, sample);
    for (WindowTap &t : p.taps) {
        t.kernel = double(w->before(filter, kernelIndex(g, t.channel, t.ki, t.kj)));
        p.sum += t.kernel * t.input;
    }
    if (const ParamTrace *b = paramOf(nt, "bias")) p.bias = double(b->before(filter, 0));
    const int row = outputIndex(g, filter, oy, ox);
    p.z = double(nt.z(row, sample));
    p.a = double(nt.output(row, sample));
    return p;
}

KernelGradient kernelGradient(const NodeTrace &nt, int filter, int c, int i, int j)
{
    const WindowGeometry &g = nt.window;
    const ParamTrace *w = paramOf(nt, "weight");
    check(w != nullptr && filter >= 0 && filter < w->before.rows(), "kernelGradient: no such filter");
    check(c >= 0 && c < g.channels && i >= 0 && i < g.kh && j >= 0 && j < g.kw,
          "kernelGradient: no such tap");
    KernelGradient k;
    k.samples = batchOf(nt);
    for (int n = 0; n < k.samples; ++n)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                GradTerm t;
                t.sample = n;
                t.oy = oy;
                t.ox = ox;
                t.delta = double(nt.gradPre(outputIndex(g, filter, oy, ox), n)) * k.samples;
                const int y = oy * g.sh - g.padTop + i * g.dh, x = ox * g.sw - g.padLeft + j * g.dw;
                if (y >= 0 && y < g.height && x >= 0 && x < g.width)
                    t.input = double(nt.inputs[0](inputIndex(g, c, y, x), n));
                k.total += t.delta * t.input;
                k.terms.push_back(t);
            }
    k.total /= k.samples;
    return k;
}

std::vector<double> deltaToPatch(const NodeTrace &nt, int filter, int oy, int ox, int sample)
{
    const ConvPosition p = convPosition(nt, filter, oy, ox, sample);
    const double delta = double(nt.gradPre(outputIndex(nt.window, filter, oy, ox), sample)) * batchOf(nt);
    std::vector<double> out;
    for (const WindowTap &t : p.taps)
        out.push_back(t.inside ? delta * t.kernel : 0.0);
    return out;
}

std::vector<double> inputGradient(const NodeTrace &nt, int sample)
{
    const WindowGeometry &g = nt.window;
    const ParamTrace *w = paramOf(nt, "weight");
    check(w != nullptr && !nt.inputs.empty() && sample >= 0 && sample < nt.inputs[0].cols(),
          "inputGradient: not a Conv2D sample");
    const int N = batchOf(nt);
    std::vector<double> dx(static_cast<std::size_t>(g.channels) * g.inPlane(), 0.0);
    for (int f = 0; f < w->before.rows(); ++f)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                const double delta = double(nt.gradPre(outputIndex(g, f, oy, ox), sample)) * N;
                for (int c = 0; c < g.channels; ++c)
                    for (int i = 0; i < g.kh; ++i)
                        for (int j = 0; j < g.kw; ++j) {
                            const int y = oy * g.sh - g.padTop + i * g.dh;
                            const int x = ox * g.sw - g.padLeft + j * g.dw;
                            if (y < 0 || y >= g.height || x < 0 || x >= g.width) continue;
                            dx[std::size_t(inputIndex(g, c, y, x))] +=
                                delta * double(w->before(f, kernelIndex(g, c, i, j)));
                        }
            }
    return dx;
}

PoolPosition poolPosition(const NodeTrace &nt, int channel, int oy, int ox, int sample)
{
    const WindowGeometry &g = nt.window;
    checkPosition(nt, g.channels, channel, oy, ox, sample);
    PoolPosition p;
    for (const WindowTap &t : tapsAt(nt, channel, channel + 1, oy, ox, sample))
        if (t.inside) p.taps.push_back(t);
    for (std::size_t k = 0; k < p.taps.size(); ++k)
        if (p.winner < 0 || p.taps[k].input > p.taps[std::size_t(p.winner)].input) p.winner = int(k);
    const int row = outputIndex(g, channel, oy, ox);
    p.output = double(nt.output(row, sample));
    if (nt.gradOutput.rows() > row && nt.gradOutput.cols() > sample)
        p.delta = double(nt.gradOutput(row, sample)) * batchOf(nt);
    return p;
}

} // namespace nnp
