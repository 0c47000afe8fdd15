#pragma once

// Finds a single Chinese character alone on the last line of a word-wrapped QLabel
// paragraph (issue 14: "single characters alone on a line"), by laying the label's text out
// again with QTextLayout at the label's width and font, as QLabel paints it.

#include <QAbstractTextDocumentLayout>
#include <QLabel>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QWidget>

namespace LoneCharacters {

/// Whether \a line, without spaces and punctuation, is one Han character.
inline bool isLone(const QString &line)
{
    QString letters;
    for (const QChar c : line) {
        if (!c.isSpace() && !c.isPunct() && !c.isSymbol())
            letters.append(c);
    }
    return letters.size() == 1 && letters.at(0).script() == QChar::Script_Han;
}

/// The last line of each paragraph of \a label's text that wraps, as laid out at its width.
inline QStringList lastLines(const QLabel *label)
{
    QStringList lines;
    const int width
        = label->contentsRect().width() - 2 * label->margin() - std::max(0, label->indent());
    if (width <= 0)
        return lines;
    const QString text = label->text();
    const bool rich = label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
    if (rich) {
        QTextDocument doc;
        doc.setDefaultFont(label->font());
        doc.setDocumentMargin(0);
        doc.setHtml(text);
        doc.setTextWidth(width);
        doc.documentLayout(); // lays the blocks out
        for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
            const QTextLayout *layout = block.layout();
            if (!layout || layout->lineCount() < 2)
                continue;
            const QTextLine last = layout->lineAt(layout->lineCount() - 1);
            lines << block.text().mid(last.textStart(), last.textLength());
        }
        return lines;
    }
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(paragraph, label->font());
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
            line.setLineWidth(width);
        layout.endLayout();
        if (layout.lineCount() < 2)
            continue;
        const QTextLine last = layout.lineAt(layout.lineCount() - 1);
        lines << paragraph.mid(last.textStart(), last.textLength());
    }
    return lines;
}

/// "objectName: …text… | last line" for each visible wrapped label under \a root with a lone
/// character on a last line.
inline QStringList find(const QWidget *root)
{
    QStringList found;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root->window()) || !label->isVisible() || !label->wordWrap()
            || label->text().isEmpty())
            continue;
        for (const QString &last : lastLines(label)) {
            if (isLone(last))
                found << QStringLiteral("%1 (%2 px): \"%3\" ends with \"%4\"")
                             .arg(label->objectName().isEmpty() ? QString::fromLatin1(
                                      label->parentWidget()->metaObject()->className())
                                                                : label->objectName())
                             .arg(label->width())
                             .arg(label->text().left(60), last);
        }
    }
    return found;
}

} // namespace LoneCharacters
