#pragma once
// IDX files (MNIST's format), plain or gzip-compressed.

#include "data/dataset.h"

#include <string>

namespace nnp {

/// Images (magic 0x0803, uint8) and labels (magic 0x0801) into a classification dataset with the raw pixel
/// values 0–255 (the project's "pixels" normalisation scales them) and sampleShape {1, rows, cols}
/// (channels-first, as an Input's shape). Sizes in the headers are checked against the file
/// before anything is allocated. Throws DataError.
Dataset loadIdx(const std::string &imagesPath, const std::string &labelsPath);

} // namespace nnp
