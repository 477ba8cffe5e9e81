// `nnp train FILE`: trains with the project's settings, shows progress, saves weights, normaliser and
// history.
#include "commands.h"
#include "io/project_run.h"
#include "io/target_scaling.h"
#include "project_cli.h"
#include "train/divergence_cause.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stop_token>

#include <unistd.h>

namespace nnp::cli {

namespace {

// Set by the SIGINT handler (a lock-free atomic is async-signal-safe); the training thread turns it into a
// stop request between batches. A second Ctrl-C ends the program at once.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int)
{
    if (g_interrupted.exchange(true)) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
}

class ConsoleProgress : public ProgressSink {
public:
    ConsoleProgress(std::stop_source &stop, const TrainingConfig &config, long long trainSamples, bool quiet,
                    LossUnits units)
        : m_stop(stop), m_epochs(config.epochs), m_metric(metricName(config.loss.kind)), m_units(units),
          m_quiet(quiet), m_tty(!quiet && ::isatty(STDOUT_FILENO) == 1),
          m_batches(std::max(1LL, (trainSamples + config.batchSize - 1) / config.batchSize))
    {
    }

    void batchDone(long long step, double loss) override
    {
        if (g_interrupted.load() && !m_stop.stop_requested()) {
            m_stop.request_stop();
            clearBar();
            std::cerr
                << "Interrupted: stopping after this batch and saving (Ctrl-C again quits without saving).\n";
        }
        if (!m_tty) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastDraw < std::chrono::milliseconds(100)) return;
        m_lastDraw = now;
        const long long inEpoch = step - m_stepAtEpochStart;
        const double frac = std::min(1.0, double(inEpoch) / double(m_batches));
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(frac * kWidth);
        std::string bar(static_cast<std::size_t>(filled), '=');
        if (filled < kWidth) bar += '>' + std::string(static_cast<std::size_t>(kWidth - filled - 1), ' ');
        std::printf("\rEpoch %d/%d [%s] %3d%%  loss %.4f ", m_epoch + 1, m_epochs, bar.c_str(),
                    static_cast<int>(frac * 100), m_units.loss(loss));
        std::fflush(stdout);
        m_barShown = true;
    }

    void epochDone(const EpochRecord &r) override
    {
        m_epoch = r.epoch;
        m_stepAtEpochStart += m_batches;
        if (m_quiet) return;
        clearBar();
        // A scaled target: in its own units where the loss converts (core/io/target_scaling.h).
        std::printf("epoch %d/%d  loss %.4f  %s %.4f", r.epoch, m_epochs, m_units.loss(r.trainLoss), m_metric,
                    m_units.metric(r.trainMetric));
        if (r.valLoss) std::printf("  val_loss %.4f", m_units.loss(*r.valLoss));
        if (r.valMetric) std::printf("  val_%s %.4f", m_metric, m_units.metric(*r.valMetric));
        std::printf("  lr %.4g\n", r.learningRate);
        std::fflush(stdout);
    }

    void clearBar()
    {
        if (m_barShown) std::printf("\r%*s\r", 79, "");
        m_barShown = false;
    }

private:
    std::stop_source &m_stop;
    int m_epochs;
    const char *m_metric;
    LossUnits m_units;
    bool m_quiet, m_tty;
    long long m_batches;
    long long m_stepAtEpochStart = 0;
    int m_epoch = 0;
    bool m_barShown = false;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

struct TrainOptions {
    std::string file, out;
    std::optional<int> epochs;
    std::optional<std::uint64_t> seed;
    bool quiet = false;
};

int runTrain(const TrainOptions &o)
{
    OpenedProject opened = openProject(o.file);
    Project &p = opened.project;
    if (o.epochs) p.training.epochs = *o.epochs;
    if (o.seed) p.training.seed = *o.seed;
    // Training starts from the seed, as it always did in the CLI: `nnp train` means "train this project".
    const std::unique_ptr<ProjectRun> run = buildRun(p, opened.baseDir, ProjectRun::Start::Seed);
    const PreparedData &data = run->data();
    Network &net = run->network();
    Trainer &trainer = run->trainer();
    const LossUnits units = lossUnits(p.training.loss.kind, &data.targetScaler);
    const Normalizer *scaler = units.scaled ? &data.targetScaler : nullptr;
    if (!o.quiet) {
        std::printf("Training %s: %lld parameters, %lld training samples, %d epochs\n", o.file.c_str(),
                    net.parameterCount(), static_cast<long long>(data.train.x.cols()), p.training.epochs);
        if (units.scaled)
            std::printf("The network learns the target's z-score; %s\n",
                        units.lossConverts ? "losses and MAE are shown in the target's own units."
                        : units.metricConverts
                            ? "the MAE is shown in the target's own units, the loss (it does not convert) in "
                              "the scaled target's."
                            : "losses and MAE are those of the scaled target (its outputs have different "
                              "scales).");
    }

    std::stop_source stop;
    ConsoleProgress progress(stop, p.training, data.train.x.cols(), o.quiet, units);
    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onInterrupt);
    const RunState state = trainer.run(stop.get_token(), &progress);
    std::signal(SIGINT, previous);
    progress.clearBar();

    const std::filesystem::path target = o.out.empty() ? opened.file : std::filesystem::path(o.out);
    // A diverged run is back at the weights of its last completed epoch (Trainer::run). With no completed
    // epoch those are the untrained initial weights: saving them would replace a trained project's weights
    // with nothing learnt, so nothing is written.
    const bool save = state != RunState::Diverged || trainer.epoch() > 0;
    if (save) {
        p.history = trainer.history();
        run->store(p); // the weights and, unless diverged, the optimizer's state to continue from
        // Data paths are relative to the project file; a copy elsewhere must still find the data.
        rebaseDataPaths(p, opened.baseDir, std::filesystem::absolute(target).parent_path());
        saveProject(p, target);
    }

    const char *metric = metricName(p.training.loss.kind);
    std::printf("%s after %d epochs.",
                state == RunState::Diverged        ? "Diverged"
                : state == RunState::Stopped       ? "Stopped"
                : state == RunState::ReachedTarget ? "Reached the target loss"
                                                   : "Finished",
                trainer.epoch());
    if (!trainer.history().empty()) {
        const EpochRecord &r = trainer.history().back();
        std::printf(" Train loss %.4f, %s %.4f.", units.loss(r.trainLoss), metric,
                    units.metric(r.trainMetric));
    }
    if (data.test.x.cols() > 0 && state != RunState::Diverged) {
        const Evaluation e = evaluateInTargetUnits(net, data.test, scaler); // as `nnp eval` shows it
        std::printf(" Test loss %.4f, %s %.4f.", e.loss, metric, e.metric);
    }
    if (save)
        std::printf("\nSaved to %s\n", target.string().c_str());
    else
        std::printf("\nNothing saved.\n");
    if (state == RunState::Diverged) {
        std::cerr
            << "nnp train: the loss became NaN, infinite or exploded (a million times its starting size) "
               "in epoch "
            << trainer.epoch() + 1 << " (diverged); " << divergenceAdvice(likelyDivergenceCause(p, data))
            << " ";
        if (save) {
            std::cerr << "The weights from the end of epoch " << trainer.epoch()
                      << ", the last before it diverged, were saved.\n";
        } else {
            std::error_code ec;
            std::cerr << "No epoch finished, so the run has no trained weights to keep: nothing was saved ("
                      << target.string()
                      << (std::filesystem::exists(target, ec) ? " is unchanged).\n" : " was not written).\n");
        }
        return Diverged;
    }
    return state == RunState::Stopped ? Interrupted : Ok;
}

} // namespace

void addTrainCommand(CLI::App &app, int &exitCode)
{
    auto *cmd =
        app.add_subcommand("train", "Train a project with its settings, from freshly initialised weights, "
                                    "and save the weights, normaliser and history (Ctrl-C stops "
                                    "after the current batch and still saves)");
    auto o = std::make_shared<TrainOptions>();
    cmd->add_option("FILE", o->file, "Project file (.nnp)")->required();
    cmd->add_option("--epochs", o->epochs, "Number of epochs (default: the project's)")
        ->check(CLI::Range(1, 10000000));
    cmd->add_option("--seed", o->seed, "Seed for initialisation and shuffling (default: the project's)");
    cmd->add_option("--out", o->out, "Save the trained project here instead of back into FILE");
    cmd->add_flag("--quiet,-q", o->quiet, "Print only the final result");
    cmd->callback([o, &exitCode] { exitCode = guarded("train", [&] { return runTrain(*o); }); });
}

} // namespace nnp::cli
