#pragma once
// How fast a run goes, in units a class can read: mini-batches (steps) per second for slow motion, epochs
// per second above that, and "as fast as possible" as the last notch of the toolbar's slider.

namespace nnp {

struct TrainingPace {
    enum class Unit { Steps, Epochs, Unlimited };
    Unit unit = Unit::Unlimited;
    double perSecond = 0; ///< steps or epochs a second (Unlimited: 0)
};

/// The slider's notches, slowest first: 1, 2, 5, 10, 30 steps/s, then 1, 2, 5, 10, 30, 100 epochs/s, then as
/// fast as possible.
inline constexpr int kPaceLevels = 12;
TrainingPace paceForLevel(int level); ///< level 1 … kPaceLevels (clamped)

/// The batches a second the worker aims at on `level` when an epoch has `batchesPerEpoch` batches: the
/// fastest of this notch and the slower ones, so moving the slider right never slows a run down (an epoch of
/// 20 batches at "1 epoch/s" would be slower than "30 steps/s"). 0: as fast as possible.
double batchesPerSecond(int level, double batchesPerEpoch);

/// The notch a project opens at: the epochs/s notch at which its epoch limit takes about a minute (spiral's
/// 300 epochs: 5 epochs/s), so a class sees the boundary form; 5 epochs/s without a limit.
int defaultPaceLevel(int epochLimit);

} // namespace nnp
