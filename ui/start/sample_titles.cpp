#include "start/sample_titles.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <iterator>

namespace nnp {

namespace {

struct Entry {
    const char *file, *title, *summary;
};

const Entry kEntries[] = {
    // Samples (the file's base name, its title and summary)
    {"bag_of_words", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Bag of words"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "The reviews' word vectors averaged, so word order is lost.")},
    {"calculus_grades", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Calculus grades"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Logistic regression is a single neuron: one sigmoid unit and binary cross-entropy.")},
    {"circle", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Circle"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "One class inside a ring of the other.")},
    {"digits_8x8", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Digits 8×8"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Handwritten digits as 8×8 images: a small MNIST.")},
    {"digits_8x8_cnn", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Digits 8×8, CNN"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Handwritten 8×8 digits through a small convolutional network.")},
    {"essay_lstm", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Essay scorer (LSTM)"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "An Embedding and an LSTM read reviews word by word and score their sentiment.")},
    {"gaussian", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Gaussian blobs"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Two blobs, almost linearly separable.")},
    {"iris", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Iris flowers"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Fisher's iris flowers: 4 measurements, 3 species.")},
    {"mnist_cnn", QT_TRANSLATE_NOOP("nnp::SampleTitles", "MNIST CNN"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "The course's MNIST CNN, exactly as in the Keras example.")},
    {"mnist_small_cnn", QT_TRANSLATE_NOOP("nnp::SampleTitles", "MNIST, small CNN"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "A small convolutional network on MNIST whose training a class can watch.")},
    {"mnist_subset", QT_TRANSLATE_NOOP("nnp::SampleTitles", "MNIST subset"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "6,000 training and 1,000 test images of handwritten digits.")},
    {"penguins", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Palmer penguins"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "4 measurements and two categorical columns as one-hot inputs.")},
    {"recommender", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Recommender"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "The course's learning-resource recommender.")},
    {"recommender_dot", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Recommender (dot product)"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Matrix factorisation: user and item vectors whose dot product predicts a like.")},
    {"sat_act", QT_TRANSLATE_NOOP("nnp::SampleTitles", "SAT and ACT scores"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Regression: predict the SAT quantitative score.")},
    {"sequence_lstm", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Sequences, LSTM"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Vanishing gradients, part 2: the same sequences read by an LSTM.")},
    {"sequence_rnn", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Sequences, SimpleRNN"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Vanishing gradients, part 1: a SimpleRNN reads sequences of 25 steps.")},
    {"spiral", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Spiral"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Two interleaved spirals, the hardest of the playground's four.")},
    {"spiral3", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Three spirals"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Three interleaved spirals: a multi-class problem.")},
    {"why_convolution_cnn", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Why convolution: CNN"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Part 2: convolutions find the strokes of shifted digits wherever they are.")},
    {"why_convolution_mlp", QT_TRANSLATE_NOOP("nnp::SampleTitles", "Why convolution: MLP"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Part 1: an MLP learns centred digits, then meets digits moved by a pixel or two.")},
    {"xor", QT_TRANSLATE_NOOP("nnp::SampleTitles", "XOR"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "The classic problem a single neuron cannot solve.")},
    // Lessons
    {"01_neuron_and_layer", QT_TRANSLATE_NOOP("nnp::SampleTitles", "1 · The neuron and the layer"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "One neuron draws one line; a layer draws several.")},
    {"02_forward_pass", QT_TRANSLATE_NOOP("nnp::SampleTitles", "2 · The forward pass"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "A sample's numbers flow layer by layer: z, then a.")},
    {"03_activation_functions", QT_TRANSLATE_NOOP("nnp::SampleTitles", "3 · Activation functions"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Without activation functions a deep network is one linear map.")},
    {"04_loss", QT_TRANSLATE_NOOP("nnp::SampleTitles", "4 · The loss"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "How wrong a prediction is, averaged over the batch.")},
    {"05_backward_pass", QT_TRANSLATE_NOOP("nnp::SampleTitles", "5 · The backward pass"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "δ at the output, the chain rule carrying it back, ∂E/∂w on every edge.")},
    {"06_learning_rate", QT_TRANSLATE_NOOP("nnp::SampleTitles", "6 · Gradient descent and the learning rate"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Too small crawls, too large diverges.")},
    {"07_mini_batch", QT_TRANSLATE_NOOP("nnp::SampleTitles", "7 · Mini-batch vs full batch"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Noisy fast steps against smooth slow ones.")},
    {"08_overfitting", QT_TRANSLATE_NOOP("nnp::SampleTitles", "8 · Overfitting and the train/test split"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Training loss falls, test loss rises.")},
    {"09_regularization", QT_TRANSLATE_NOOP("nnp::SampleTitles", "9 · L1/L2 and dropout"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "The course's two answers to overfitting.")},
    {"10_vanishing_gradients", QT_TRANSLATE_NOOP("nnp::SampleTitles", "10 · Vanishing gradients and ReLU"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "Deep sigmoid networks stop learning at the bottom.")},
    {"11_optimizers", QT_TRANSLATE_NOOP("nnp::SampleTitles", "11 · Optimizers: SGD vs Adam"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles", "SGD against Adam on the same problem.")},
    {"12_cnn_on_images", QT_TRANSLATE_NOOP("nnp::SampleTitles", "12 · CNN on images"),
     QT_TRANSLATE_NOOP("nnp::SampleTitles",
                       "Filters that slide over handwritten digits, feature maps and kernels.")},
};

} // namespace

std::optional<SampleTitle> shippedSampleTitle(const QString &path)
{
    const QString base = QFileInfo(path).completeBaseName();
    for (const Entry &e : kEntries)
        if (base == QLatin1String(e.file))
            return SampleTitle{QCoreApplication::translate("nnp::SampleTitles", e.title),
                               QCoreApplication::translate("nnp::SampleTitles", e.summary)};
    return std::nullopt;
}

int shippedSampleTitleCount()
{
    return static_cast<int>(std::size(kEntries));
}

} // namespace nnp
