"""The help on reading a meter at every text size: the picture's captions wrap and the picture grows with them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from ui.help_dialogs import MeterFace, ReadingHelpDialog
from ui.theme import apply_theme

shown: list[ReadingHelpDialog] = []
WRAPPING = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def shown_face(qtbot, text: int) -> MeterFace:  # type: ignore[no-untyped-def]
    """The picture in a help dialog shown at `text` % (the dialog is its parent: it lives as long as the face)."""
    apply_theme(QApplication.instance(), text, False)
    dialog = ReadingHelpDialog(QApplication.activeWindow())
    qtbot.addWidget(dialog)
    shown.append(dialog)
    dialog.show()
    QApplication.processEvents()
    face = dialog.findChild(MeterFace)
    assert face is not None
    return face


def ink_in_bottom_rows(face: MeterFace) -> int:
    """Dark pixels in the picture's last three rows: a caption cut by the picture's lower edge leaves them."""
    image = QImage(face.size(), QImage.Format.Format_RGB32)
    face.render(image)
    return sum(1 for y in range(face.height() - 3, face.height()) for x in range(face.width())
               if QColor(image.pixel(x, y)).lightness() < 100)


def test_the_pictures_captions_are_whole_at_200_percent_text(qtbot, russian: None) -> None:  # type: ignore[no-untyped-def]
    small = shown_face(qtbot, 100).height()
    try:
        face = shown_face(qtbot, 200)
        assert face.height() > small  # the picture grew with the text
        assert ink_in_bottom_rows(face) == 0
        metrics = QFontMetricsF(face.font())
        captions = face.captions()
        assert [text for _rect, text in captions] == ["запишите эти", "эту не пишите"]
        for rect, text in captions:
            assert face.rect().toRectF().contains(rect), (text, rect, face.rect())
            assert max(metrics.horizontalAdvance(word) for word in text.split()) <= rect.width(), text
            needed = metrics.boundingRect(QRectF(rect.x(), rect.y(), rect.width(), 10_000), WRAPPING, text)
            assert needed.height() <= rect.height() and needed.bottom() <= face.height(), text
        assert metrics.horizontalAdvance("эту не пишите") > captions[1][0].width()  # so it takes two lines
    finally:
        apply_theme(QApplication.instance(), 100, False)
        shown.clear()
