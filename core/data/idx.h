#pragma once
// IDX files (MNIST's format), plain or gzip-compressed.

#include "data/dataset.h"

#include <string>

namespace nnp {

/// Images (magic 0x0803, uint8) and labels (magic 0x0801) into a classification dataset with pixels
/// scaled to [0, 1] and sampleShape {rows, cols, 1}. Sizes in the headers are checked against the file
/// before anything is allocated. Throws DataError.
Dataset loadIdx(const std::string &imagesPath, const std::string &labelsPath);

} // namespace nnp
