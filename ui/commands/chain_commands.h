#pragma once
// The canvas's ± buttons for chain networks (TensorFlow Playground's): each press is one undo step with a
// text that says what it did ("Undo Add neuron"). The rules (what a chain is, where a layer goes) are in
// core/graph/chain_edit.h.

#include "graph/graph_spec.h"

namespace nnp {

class GraphDocument;

namespace chain {
/// One neuron more (delta +1) or less (-1) in hidden Dense layer `id`. False when the button would do
/// nothing.
bool changeNeurons(GraphDocument *doc, NodeId id, int delta);
/// A hidden layer as wide as the last one, before the output layer.
bool addHiddenLayer(GraphDocument *doc);
/// The last hidden Dense layer out; its neighbours are wired together.
bool removeHiddenLayer(GraphDocument *doc);
} // namespace chain

} // namespace nnp
