"""One field per zone of a tariff plan, each labelled with its zone (День, Ночь; Пик, Ночь, Полупик).

Used wherever the window asks for a value per zone: the readings of an installation act, a replacement, a plan
change or a correction, and the prices from a bill. Every field takes what is typed as it is typed — «1000,5»,
6,95 ₽ — and the journal reads it and explains a wrong one beside its field: a field that only let digits in
turned «1000,5» into 10005 without a word. The fields follow the plan chosen (`set_plan`, `follow`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from journal.zones import TariffPlan
from ui.texts import zone_name
from ui.theme import show_hint


class ZoneFields(QWidget):
    """`values()` gives the texts in zone order (T1, T2, T3); `fields` and `labels` are the plan's, in that order.

    The three label and field pairs are made once, in reading order, and shown as the plan needs them: the Tab
    order stays where the group stands in its dialog whatever plan is chosen."""

    def __init__(self, what: str, *, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what  # the accessible names say what the values are: "{what}: {zone}"
        self.plan: TariffPlan | None = None
        self._plans: QComboBox | None = None
        self.fields: list[QLineEdit] = []
        self.labels: list[QLabel] = []
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self._pairs: list[tuple[QLabel, QLineEdit]] = []
        for row in range(max(plan.zone_count for plan in TariffPlan)):
            field = QLineEdit()
            if placeholder:
                show_hint(field, placeholder)
            label = QLabel()
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            self._pairs.append((label, field))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # as tall as its fields

    def set_plan(self, plan: TariffPlan) -> None:
        """A labelled field per zone of `plan`, one under the other; what was typed for a zone the new plan also
        has stays in that zone's field."""
        plan = TariffPlan(plan)
        if plan is self.plan:
            return
        typed = dict(zip(self.plan.zones, self.values(), strict=True)) if self.plan is not None else {}
        self.plan = plan
        for index, (label, field) in enumerate(self._pairs):
            zone = plan.zones[index] if index < plan.zone_count else None
            field.setText(typed.get(zone, "") if zone else "")
            if zone is not None:
                label.setText(zone_name(zone) + ":")
                field.setAccessibleName(f"{self.what}: {zone_name(zone)}")
            label.setVisible(zone is not None)
            field.setVisible(zone is not None)
            field.ensurePolished()  # the theme's minimum height, before the form lays the rows out
        self.labels = [label for label, _ in self._pairs[:plan.zone_count]]
        self.fields = [field for _, field in self._pairs[:plan.zone_count]]
        self.setFocusProxy(self.fields[0])  # focusing the group (an error shown next to it) focuses its first zone
        # As tall as its rows at the theme's field height: a form (or a dialog sized before the theme) never
        # squeezes the last zone's field.
        self.grid.invalidate()
        self.setMinimumHeight(self.grid.minimumSize().height())
        self.updateGeometry()

    def follow(self, plans: QComboBox) -> None:
        """Follow the plan chosen in `plans` (its items' data are plan codes), from the one chosen now."""
        self._plans = plans
        plans.currentIndexChanged.connect(self._plan_chosen)  # a bound method: no call once this widget is gone
        self._plan_chosen()

    def _plan_chosen(self) -> None:
        code = self._plans.currentData() if self._plans is not None else None
        if code:  # a combo box being emptied (or destroyed) chooses nothing
            self.set_plan(TariffPlan(code))

    def values(self) -> list[str]:
        return [field.text().strip() for field in self.fields]

    def focus_zone(self, index: int) -> None:
        """Focus the field of zone T`index` (1-based), its text selected to be typed over."""
        field = self.fields[min(max(index, 1), len(self.fields)) - 1]
        field.setFocus()
        field.selectAll()

    def clear(self) -> None:
        for field in self.fields:
            field.clear()
