#pragma once
// The numbers the explain mode shows for a Conv2D or a 2-D pooling node of a recorded step (a NodeTrace with
// its window): one output position's window (taps, Σ k·x + b, the activation), one kernel weight's gradient
// as a sum over the positions it was applied at, the δ sent back to the input, and a pooling window's
// winner or average. Pure functions of the Trace, in double; per sample n, δ is that sample's own
// ∂E_n/∂z (the trace's batch-mean gradient times the batch size), as the Dense explain shows it.

#include "train/trace.h"

#include <vector>

namespace nnp {

/// Whether the explain mode explains this node window by window: a Conv2D, MaxPool2D or AveragePool2D whose
/// window the trace recorded.
inline bool explainsWindow(const NodeTrace &nt)
{
    return nt.window.outPlane() > 0 && (nt.kind == LayerKind::Conv2D || nt.kind == LayerKind::MaxPool2D ||
                                        nt.kind == LayerKind::AveragePool2D);
}

/// One tap (c, i, j) of the window at an output position and the input pixel (y, x) under it.
struct WindowTap {
    int channel = 0, ki = 0, kj = 0; ///< the kernel tap
    int y = 0, x = 0;                ///< the input pixel (may lie in the padding)
    bool inside = false;             ///< false: the tap reaches into the zero padding
    double input = 0;                ///< the pixel's value (0 in the padding)
    double kernel = 0;               ///< Conv2D: k[f, c, i, j]; pooling: 0
};

/// Index of input pixel (c, y, x) in a sample's column, and of output (f, oy, ox).
inline int inputIndex(const WindowGeometry &g, int c, int y, int x)
{
    return (c * g.height + y) * g.width + x;
}
inline int outputIndex(const WindowGeometry &g, int f, int oy, int ox)
{
    return (f * g.outHeight + oy) * g.outWidth + ox;
}
/// Column of tap (c, i, j) in a Conv2D's weight matrix [filters × c·kh·kw] (PyTorch's order).
inline int kernelIndex(const WindowGeometry &g, int c, int i, int j)
{
    return (c * g.kh + i) * g.kw + j;
}

/// z = Σ k·x + b at output (filter, oy, ox) of sample n, with the weights before the update.
struct ConvPosition {
    std::vector<WindowTap> taps; ///< every channel's kh·kw taps, in the kernel's order
    double sum = 0;              ///< Σ k·x
    double bias = 0;             ///< 0 without a bias
    double z = 0, a = 0;         ///< as the trace recorded them
};
ConvPosition convPosition(const NodeTrace &nt, int filter, int oy, int ox, int sample);

/// One term δ·x of a kernel weight's gradient: the weight applied at output (oy, ox) of sample n.
struct GradTerm {
    int sample = 0, oy = 0, ox = 0;
    double delta = 0; ///< δ of sample n at (filter, oy, ox)
    double input = 0; ///< the pixel the weight saw there (0 in the padding)
};
/// ∂E/∂k[f, c, i, j] = (1/N) Σ_n Σ_positions δ·x: every term, and the total computed from them.
struct KernelGradient {
    std::vector<GradTerm> terms; ///< sample by sample, row by row
    double total = 0;            ///< (1/N) Σ δ·x
    int samples = 1;             ///< N
};
KernelGradient kernelGradient(const NodeTrace &nt, int filter, int c, int i, int j);

/// What output (filter, oy, ox) of sample n sends back to each pixel of its window: δ·k[f, c, i, j], in the
/// order of convPosition's taps (0 for taps in the padding).
std::vector<double> deltaToPatch(const NodeTrace &nt, int filter, int oy, int ox, int sample);
/// ∂E_n/∂x for the whole input of sample n: Σ over filters and positions of δ·k (what the layer sends back
/// to the layer before it), [c·h·w].
std::vector<double> inputGradient(const NodeTrace &nt, int sample);

/// A pooling window at output (channel, oy, ox) of sample n.
struct PoolPosition {
    std::vector<WindowTap> taps; ///< the window's pixels inside the image (the padding is not counted)
    int winner = -1;             ///< MaxPool2D: index into taps of the largest (the first of equals)
    double output = 0;           ///< as the trace recorded it
    double delta = 0;            ///< ∂E_n/∂output (empty gradient: 0)
};
PoolPosition poolPosition(const NodeTrace &nt, int channel, int oy, int ox, int sample);

} // namespace nnp
