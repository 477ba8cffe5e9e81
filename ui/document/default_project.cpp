#include "document/default_project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace nnp {

Project makeEmptyProject()
{
    Project p;
    p.name = "playground";
    p.data.kind = DataSourceKind::Generator;
    p.data.generator.kind = GeneratorKind::Circle;
    p.data.generator.samples = 500;
    p.data.generator.noise = 0.0;
    p.preprocessing.split.test = 0.5; // the playground's "ratio of training to test data: 50%"
    p.preprocessing.split.validation = 0.0;
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    p.training.optimizer.learningRate = 0.03;
    p.training.batchSize = 10;
    p.training.epochs = 500;
    p.training.seed = 1;
    return p;
}

Project makeDefaultProject()
{
    Project p = makeEmptyProject();
    p.graph = makeMlp(2, {4, 2}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid, InitKind::GlorotUniform);
    const char *names[] = {"input", "hidden_1", "hidden_2", "output"};
    for (std::size_t i = 0; i < p.graph.nodes.size() && i < 4; ++i) {
        p.graph.nodes[i].name = names[i];
        p.graph.nodes[i].x = 260.0 * static_cast<double>(i);
        p.graph.nodes[i].y = 0.0;
    }
    return p;
}

QString findSamplesDir()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("NNP_SAMPLES_DIR");
    if (!env.isEmpty()) candidates << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << appDir + QStringLiteral("/../share/nn-playground/samples")
               << appDir + QStringLiteral("/samples") << appDir + QStringLiteral("/../samples")
               << QStringLiteral(NNP_INSTALL_SAMPLES_DIR) << QStringLiteral(NNP_SOURCE_SAMPLES_DIR);
    for (const QString &c : candidates) {
        const QDir dir(c);
        if (dir.exists() && !dir.entryList({QStringLiteral("*.nnp")}, QDir::Files).isEmpty())
            return dir.canonicalPath();
    }
    return {};
}

QStringList listSamples()
{
    const QString dirPath = findSamplesDir();
    if (dirPath.isEmpty()) return {};
    const QDir dir(dirPath);
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.nnp")}, QDir::Files, QDir::Name))
        paths << dir.absoluteFilePath(name);
    return paths;
}

bool isSampleFile(const QString &path)
{
    const QString samples = findSamplesDir();
    if (samples.isEmpty() || path.isEmpty()) return false;
    const QFileInfo info(path);
    // The folder of a file not yet written still tells where it would go.
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return !dir.isEmpty() && (dir == samples || dir.startsWith(samples + QLatin1Char('/')));
}

QString documentsFolder()
{
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!docs.isEmpty() && QDir().mkpath(docs)) return docs;
    return QDir::homePath();
}

} // namespace nnp
