#include "style/high_contrast.h"

namespace nnp {

namespace {
bool g_highContrast = false; // GUI thread only
} // namespace

bool highContrastActive()
{
    return g_highContrast;
}

void setHighContrastActive(bool on)
{
    g_highContrast = on;
}

QPalette highContrastPalette()
{
    const QColor black(Qt::black), white(Qt::white), blue(0x00, 0x3C, 0xB4);
    QPalette p(white);
    for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(g, QPalette::Window, white);
        p.setColor(g, QPalette::WindowText, black);
        p.setColor(g, QPalette::Base, white);
        p.setColor(g, QPalette::AlternateBase, QColor(0xEE, 0xEE, 0xEE));
        p.setColor(g, QPalette::Text, black);
        p.setColor(g, QPalette::Button, QColor(0xE6, 0xE6, 0xE6));
        p.setColor(g, QPalette::ButtonText, black);
        p.setColor(g, QPalette::BrightText, white);
        p.setColor(g, QPalette::Light, white);
        p.setColor(g, QPalette::Midlight, QColor(0xCC, 0xCC, 0xCC));
        p.setColor(g, QPalette::Mid, QColor(0x55, 0x55, 0x55));
        p.setColor(g, QPalette::Dark, QColor(0x22, 0x22, 0x22));
        p.setColor(g, QPalette::Shadow, black);
        p.setColor(g, QPalette::Highlight, blue);
        p.setColor(g, QPalette::HighlightedText, white);
        p.setColor(g, QPalette::ToolTipBase, QColor(0xFF, 0xFF, 0xE0));
        p.setColor(g, QPalette::ToolTipText, black);
        p.setColor(g, QPalette::PlaceholderText, QColor(0x30, 0x30, 0x30));
        p.setColor(g, QPalette::Link, blue);
    }
    // Disabled controls stay legible (dark grey, not the usual pale one).
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x50, 0x50, 0x50));
    return p;
}

} // namespace nnp
