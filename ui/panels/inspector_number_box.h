#pragma once
// A spin box for rates that span orders of magnitude (0.03, 1e-05): shows the shortest exact form and
// steps by about a tenth of the value's magnitude. Emits valueChanged only on Enter, focus loss or a step.

#include <QDoubleSpinBox>

namespace nnp {

class InspectorNumberBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    InspectorNumberBox(double minimum, double maximum, QWidget *parent = nullptr);

    [[nodiscard]] QString textFromValue(double value) const override;
    [[nodiscard]] double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
};

} // namespace nnp
