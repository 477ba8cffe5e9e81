#pragma once
// SimpleRNN, LSTM and GRU over a sequence [time, features] (one sample is one column, time-major: step t's
// features are contiguous), with PyTorch's maths and parameter layout so that weights map 1:1 to nn.RNN,
// nn.LSTM and nn.GRU: weight_ih [G·units x features], weight_hh [G·units x units], bias_ih and bias_hh
// [G·units], gates stacked in PyTorch's order (LSTM i, f, g, o; GRU r, z, n with the reset gate applied after
// the product, h' = (1 − z)⊙n + z⊙h). The initial state is zero. Backward is backpropagation through time.
//
// Initialisation as Keras: Glorot uniform input kernel, orthogonal recurrent kernel, zero biases, LSTM forget
// bias 1 (in bias_ih).
//
// Masking (Keras semantics): setMask() gives a 0/1 value per step and sample; at a step whose value is 0 the
// state (h and, for LSTM, c) is carried over unchanged and the output of that step repeats the previous one.

#include "layers/layer.h"
#include "layers/step_mask_reader.h"

namespace nnp {

class ShapeCheck;
/// Input 0 must be a sequence [time, features]; else an error (code ShapeMismatch) that suggests a Reshape.
/// For the shape inference of every kind over time (recurrent layers, global pooling over time).
bool requireSequence(ShapeCheck &c);

namespace opt::rnn {
inline constexpr OptionKey<int> units{"units", 32};
inline constexpr OptionKey<bool> returnSequences{"return_sequences", false};
} // namespace opt::rnn

/// How many stacked gates a recurrent kind has (SimpleRNN 1, LSTM 4, GRU 3); 0 for other kinds.
int recurrentGates(LayerKind k);
/// Whether a kind is SimpleRNN, LSTM or GRU.
inline bool isRecurrent(LayerKind k)
{
    return recurrentGates(k) > 0;
}

class Recurrent final : public Layer, public StepMaskReader {
public:
    struct Options {
        LayerKind kind = LayerKind::LSTM;
        int units = 1;
        bool returnSequences = false;
    };
    explicit Recurrent(Options o);

    LayerKind kind() const override { return m_options.kind; }
    /// inputs[0] is [time, features].
    void initialize(std::span<const Shape> inputs, Rng &rng) override;
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::vector<ParamRef> parameters() override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Recurrent>(*this); }

    /// The mask of the following forwards: [time x samples], 1 for a real step, 0 for a padded one (the hook
    /// for an Embedding's mask_zero). Its column count must equal the batch's.
    void setMask(const Matrix &mask) override;
    void clearMask() { m_hasMask = false; }
    /// The mask of the last forwards, or null when none is set.
    [[nodiscard]] const Matrix *mask() const { return m_hasMask ? &m_mask : nullptr; }

    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] int steps() const { return m_steps; }
    [[nodiscard]] int features() const { return m_features; }
    Matrix &weightIh() { return m_wih; }
    Matrix &weightHh() { return m_whh; }
    Matrix &biasIh() { return m_bih; }
    Matrix &biasHh() { return m_bhh; }
    /// Hidden states of the last forward, [units x time·samples], column n·time + t (after the mask).
    [[nodiscard]] const Matrix &hiddenStates() const { return m_h; }
    /// LSTM cell states of the last forward, [units x time·samples], column n·time + t (after the mask);
    /// empty for SimpleRNN and GRU.
    [[nodiscard]] const Matrix &cellStates() const { return m_c; }
    /// The gates of the last forward after their activations, [gates·units x time·samples], column
    /// n·time + t, stacked as the weights: LSTM i, f, g, o; GRU r, z, n; SimpleRNN its new state. Computed on
    /// padded steps too, where the mask then keeps the old state.
    [[nodiscard]] const Matrix &gateActivations() const { return m_z; }

    /// For the explain mode's Trace: while on, forward also keeps the gates before their activations
    /// (preActivations) and backward keeps dE/dh at every step (stateGradients). Off while training.
    void setRecordSteps(bool on) { m_record = on; }
    /// The gates before their activations, as gateActivations (LSTM i, f, g, o: W x + b_ih + U h + b_hh; GRU
    /// r, z as LSTM and n: W_n x + b_in + r⊙(U_n h + b_hn); SimpleRNN W x + b_ih + U h + b_hh). Recorded only
    /// while setRecordSteps(true).
    [[nodiscard]] const Matrix &preActivations() const { return m_pre; }
    /// dE/dh_t of the last backward, [units x time·samples], column n·time + t: the gradient reaching step
    /// t's state from its output and from the later steps. Recorded only while setRecordSteps(true).
    [[nodiscard]] const Matrix &stateGradients() const { return m_dhs; }
    /// dE/d(pre-activation) of every gate at every step of the last backward, laid out as preActivations
    /// (zero at a masked step).
    [[nodiscard]] const Matrix &preActivationGradients() const { return m_dz; }

private:
    Options m_options;
    int m_steps = 1, m_features = 1, m_gates = 1;
    Matrix m_wih, m_whh, m_bih, m_bhh, m_dwih, m_dwhh, m_dbih, m_dbhh;
    // Forward caches, column n·time + t: gate activations (z), hidden states, LSTM cells, GRU's W_hn·h +
    // b_hn.
    Matrix m_z, m_h, m_c, m_hn;
    Matrix m_rec,
        m_zero; ///< one step's recurrent product [G·units x N]; zeros [units x N] (the initial state)
    // Backward buffers.
    Matrix m_dz, m_dzh, m_dh, m_dc, m_carryH, m_carryC;
    Matrix m_mask;
    bool m_hasMask = false;
    // The explain mode's recording (setRecordSteps).
    Matrix m_pre, m_dhs;
    bool m_record = false;
};

} // namespace nnp
