#pragma once
// Conv2D: `filters` kernels slide over a [channels, height, width] image; each output pixel is
// f(Σ k·x + b) over the window (PyTorch's nn.Conv2d with Keras' padding rules and a built-in activation).

#include "layers/activations.h"
#include "layers/layer.h"
#include "layers/window2d.h"

namespace nnp {

namespace opt::conv2d {
inline constexpr OptionKey<int> filters{"filters", 8};
inline const OptionKey<std::vector<int>> kernel{"kernel_size", {3, 3}};
inline const OptionKey<std::vector<int>> strides{"strides", {1, 1}};
inline constexpr OptionKey<Padding> padding{"padding", Padding::Valid};
inline const OptionKey<std::vector<int>> dilation{"dilation_rate", {1, 1}};
inline constexpr OptionKey<InitKind> init{"init", InitKind::GlorotUniform};
inline constexpr OptionKey<bool> useBias{"use_bias", true};
inline constexpr OptionKey<double> l1{"l1", 0.0}; ///< L1 penalty l1*sum|k| on the kernels
inline constexpr OptionKey<double> l2{"l2", 0.0}; ///< L2 penalty (l2/2)*sum k^2 on the kernels
} // namespace opt::conv2d

/// The window a Conv2D node's options describe.
WindowOptions convWindow(const LayerOptions &o);

/// The kernels are one matrix W [filters x channels·kh·kw] (row f is filter f in PyTorch's [C, kh, kw]
/// order), the bias [filters x 1]. Per sample the output is [filters, out height, out width].
class Conv2D final : public Layer {
public:
    struct Options {
        int filters = 1;
        WindowOptions window;
        ActivationParams activation{};
        InitKind init = InitKind::GlorotUniform;
        bool useBias = true;
        Scalar l1 = 0, l2 = 0;
    };
    explicit Conv2D(Options o);

    LayerKind kind() const override { return LayerKind::Conv2D; }
    void initialize(std::span<const Shape> inputs, Rng &rng) override;
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::vector<ParamRef> parameters() override;
    const Matrix *preActivation() const override { return &m_z; }
    const Matrix *preActivationGrad() const override { return &m_dz; }
    void setRegularization(Scalar l1, Scalar l2) override
    {
        m_options.l1 = l1;
        m_options.l2 = l2;
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Conv2D>(*this); }

    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] const WindowGeometry &geometry() const { return m_geometry; }
    Matrix &weight() { return m_w; }
    Matrix &bias() { return m_b; }

private:
    Options m_options;
    WindowGeometry m_geometry;
    Matrix m_w, m_b, m_dw, m_db, m_z, m_dz;
    Vector m_cols, m_dcols; ///< one sample's im2col block and its gradient: grown, never shrunk
};

} // namespace nnp
