#include "panels/palette_widget.h"

#include "document/layer_catalog.h"

#include <QApplication>
#include <QDrag>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <functional>

namespace nnp {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kIconSize = 36;
constexpr int kPad = 8;

/// Bold title over a wrapped grey explanation, icon on the left.
class PaletteDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.icon = QIcon();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QRect r = option.rect.adjusted(kPad, kPad, -kPad, -kPad);
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        icon.paint(painter, QRect(r.left(), r.top() + 2, kIconSize, kIconSize));
        const QRect text = r.adjusted(kIconSize + kPad, 0, 0, 0);
        const bool selected = option.state & QStyle::State_Selected;
        QFont title = option.font;
        title.setBold(true);
        painter->setFont(title);
        painter->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
        const int titleHeight = QFontMetrics(title).height();
        painter->drawText(text.adjusted(0, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                          index.data(Qt::DisplayRole).toString());
        painter->setFont(option.font);
        QColor grey =
            selected ? option.palette.highlightedText().color() : option.palette.placeholderText().color();
        painter->setPen(grey);
        painter->drawText(text.adjusted(0, titleHeight + 2, 0, 0),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          index.data(Qt::ToolTipRole).toString());
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width =
            option.widget ? static_cast<const QListWidget *>(option.widget)->viewport()->width() : 260;
        const int textWidth = std::max(80, width - 3 * kPad - kIconSize);
        QFont title = option.font;
        title.setBold(true);
        const QRect wrapped = QFontMetrics(option.font)
                                  .boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap,
                                                index.data(Qt::ToolTipRole).toString());
        const int h = QFontMetrics(title).height() + 2 + wrapped.height();
        return {width, std::max(kIconSize + 4, h) + 2 * kPad};
    }
};

class PaletteList : public QListWidget {
public:
    using QListWidget::QListWidget;
    std::function<void(QListWidgetItem *)> onActivate;

protected:
    // Not itemActivated: on platforms that activate on a single click, starting a drag would add a layer.
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        QListWidget::mouseDoubleClickEvent(event);
        if (onActivate) onActivate(itemAt(event->position().toPoint()));
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && onActivate) {
            onActivate(currentItem());
            return;
        }
        QListWidget::keyPressEvent(event);
    }

    QStringList mimeTypes() const override { return {QString::fromLatin1(kLayerKindMimeType)}; }

    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty()) return nullptr;
        return PaletteWidget::mimeDataFor(static_cast<LayerKind>(items.first()->data(kKindRole).toInt()));
    }

    void startDrag(Qt::DropActions) override
    {
        QListWidgetItem *item = currentItem();
        if (!item) return;
        const auto kind = static_cast<LayerKind>(item->data(kKindRole).toInt());
        auto *drag = new QDrag(this);
        drag->setMimeData(PaletteWidget::mimeDataFor(kind));
        const qreal dpr = devicePixelRatioF();
        drag->setPixmap(LayerCatalog::icon(kind).pixmap(QSize(48, 48), dpr));
        drag->setHotSpot(QPoint(24, 24));
        drag->exec(Qt::CopyAction);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QListWidget::resizeEvent(event);
        doItemsLayout(); // wrapped explanations change height with the width
    }
};

} // namespace

PaletteWidget::PaletteWidget(QWidget *parent) : QWidget(parent), m_list(new PaletteList(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *hint = new QLabel(tr("Drag a layer onto the canvas, or double-click it."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_list);

    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(false);
    m_list->setWordWrap(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    for (LayerKind kind : allLayerKinds()) {
        auto *item = new QListWidgetItem(LayerCatalog::icon(kind), LayerCatalog::title(kind), m_list);
        item->setData(kKindRole, static_cast<int>(kind));
        item->setToolTip(LayerCatalog::explanation(kind));
        item->setData(Qt::AccessibleDescriptionRole, LayerCatalog::explanation(kind));
    }
    auto activate = [this](QListWidgetItem *item) {
        if (item) emit layerActivated(static_cast<LayerKind>(item->data(kKindRole).toInt()));
    };
    static_cast<PaletteList *>(m_list)->onActivate = activate;
}

QMimeData *PaletteWidget::mimeDataFor(LayerKind kind)
{
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kLayerKindMimeType), QByteArray(toString(kind).data()));
    return mime;
}

} // namespace nnp
