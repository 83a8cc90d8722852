"""The receipt's QR code keeps reportlab's choice of mask, made with desktop_app.receipts.qr_mask's row-wise
penalty: the same score for every mask of every matrix, the same matrix as reportlab's own `make()`."""

from __future__ import annotations

import random

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRUtil

from desktop_app.receipts.pd4 import QR_LEVEL, qr_modules
from desktop_app.receipts.qr_mask import lost_points, make_with_best_mask

ALPHABET = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789 |=.,«»-"


def payloads(count: int, seed: int) -> list[str]:
    """GOST R 56042-like payloads of every length a receipt may have (versions 2 to about 25)."""
    chance = random.Random(seed)
    return ["ST00012|" + "".join(chance.choice(ALPHABET) for _ in range(chance.randint(5, 330)))
            for _ in range(count)]


@pytest.mark.parametrize("payload", payloads(8, seed=5))
def test_every_mask_scores_as_reportlab_scores_it(payload: str) -> None:
    qr = QrCodeWidget([QR8bitByte(payload)], barLevel=QR_LEVEL).qr
    qr.version = qr.calculate_version()
    for pattern in range(8):
        qr.makeImpl(True, pattern)
        assert lost_points(qr.modules) == QRUtil.getLostPoint(qr), pattern


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_the_matrix_is_reportlabs_own(level: str) -> None:
    for payload in payloads(10, seed=ord(level)):
        theirs = QrCodeWidget([QR8bitByte(payload)], barLevel=level).qr
        theirs.make()
        ours = QrCodeWidget([QR8bitByte(payload)], barLevel=level).qr
        make_with_best_mask(ours)
        assert ours.modules == theirs.modules, payload


def test_the_receipts_matrix_is_reportlabs_own() -> None:
    payload = ("ST00012|Name=ПАО «Самараэнерго»|PersonalAcc=40702810000000000001|BankName=ПАО Сбербанк|"
               "BIC=043601607|CorrespAcc=30101810200000000607|PayeeINN=6315222985|PersAcc=000000123456|Sum=202940")
    widget = QrCodeWidget([QR8bitByte(payload)], barLevel=QR_LEVEL)
    widget.qr.make()
    assert qr_modules(payload) == [[bool(module) for module in row] for row in widget.qr.modules]
