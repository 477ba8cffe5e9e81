#pragma once
// The sliding window shared by Conv2D and the 2-D pooling layers: sizes, strides, dilation and Keras'
// padding rules over a sample laid out channels-first, [channels, height, width] (index c·H·W + y·W + x), as
// in ONNX and PyTorch.

#include "graph/layer_options.h"
#include "tensor.h"

#include <optional>
#include <string>
#include <vector>

namespace nnp {

/// Keras' padding: `valid` uses only windows that fit; `same` pads with zeros (pooling: ignores the padding)
/// so that the output has ⌈size / stride⌉ positions, the odd pixel of padding at the bottom and right.
enum class Padding { Valid, Same };

std::string_view toString(Padding p);
template <> struct ChoiceNames<Padding> {
    static std::string_view name(Padding p) { return toString(p); }
    static std::optional<Padding> parse(std::string_view s);
    static std::vector<std::string> all();
};

/// A window's settings as options give them: one size means square (3 is 3×3).
struct WindowOptions {
    std::vector<int> size{3, 3};
    std::vector<int> stride{1, 1};
    std::vector<int> dilation{1, 1};
    Padding padding = Padding::Valid;
};

/// Where a window slides over one image: input [c, h, w], output [c', oh, ow].
struct WindowGeometry {
    int channels = 0, height = 0, width = 0;
    int kh = 1, kw = 1, sh = 1, sw = 1, dh = 1, dw = 1;
    int padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;
    int outHeight = 0, outWidth = 0;

    [[nodiscard]] int inPlane() const { return height * width; }
    [[nodiscard]] int outPlane() const { return outHeight * outWidth; }
    /// Values in one window of every channel: the rows of the im2col matrix (c·kh·kw).
    [[nodiscard]] int patch() const { return channels * kh * kw; }
    [[nodiscard]] bool symmetricPadding() const { return padTop == padBottom && padLeft == padRight; }
};

/// The window's placement over `in` (which must be [c, h, w]); the output is empty (0 × 0) when the window
/// does not fit (a `valid` kernel larger than the image).
WindowGeometry windowGeometry(const Shape &in, const WindowOptions &w);

/// "3×3", "2×2": a window size for messages and blocks.
std::string windowText(const std::vector<int> &size);

/// Image to columns, transposed: rows [first, first + count) of `cols` ((count·oh·ow) × (c·kh·kw), row
/// s·oh·ow + p is output position p of sample `first + s`, column c·kh·kw + i·kw + j is kernel tap (c, i, j),
/// PyTorch's weight order) from the samples' columns of `x`; zero where the window reaches into the padding.
void imageToColumns(const WindowGeometry &g, const Matrix &x, Eigen::Index first, Eigen::Index count,
                    Eigen::Ref<Matrix> cols);
/// The adjoint of imageToColumns: adds every entry of `cols` back onto the pixel it came from in `dx`.
void columnsToImage(const WindowGeometry &g, const Eigen::Ref<const Matrix> &cols, Eigen::Index first,
                    Eigen::Index count, Matrix &dx);

} // namespace nnp
