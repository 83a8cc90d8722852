"""The payment QR code's mask pattern, chosen as reportlab chooses it, in a fraction of its time.

A QR encoder draws the data with each of the eight mask patterns and keeps the one with the lowest penalty (long
runs of one colour, 2×2 blocks, shapes like a finder pattern, an unbalanced share of dark modules). reportlab's
`QRCode.getBestMaskPattern` scores every module in Python, one at a time: about 40 ms of a receipt. Here the same
rules, with reportlab's own weights and quirks, run over whole rows and columns: as bytes for the runs and the
finder-like shape (a regular expression, `bytes.count`), as bit masks for the 2×2 blocks. The mask chosen is
reportlab's (tests/desktop_app/test_qr_mask.py compares them), so a receipt's QR code is the same as before, only
made sooner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from reportlab.graphics.barcode.qrencoder import QRCode

RUN = re.compile(rb"\x00{5,}|\x01{5,}")  # five or more modules of one colour in a line
BITS = bytes.maketrans(b"\x00\x01", b"01")
# The finder-like shape reportlab looks for: dark, light, three dark, light, dark, then four light
FINDER_LIKE = bytes([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0])


def lost_points(modules: Sequence[Sequence[bool]]) -> int:
    """reportlab's QRUtil.getLostPoint of this matrix."""
    rows = [bytes(row) for row in modules]  # a byte per module: 1 dark, 0 light
    columns = [bytes(column) for column in zip(*modules, strict=True)]
    # Rule 1: a run of five or more modules of one colour, in a row or a column, costs its length less two
    points = sum(len(run) - 2 for line in rows + columns for run in RUN.findall(line))
    # Rule 2: each 2×2 block of one colour (blocks overlap) costs 3
    width = len(rows)
    inner = (1 << (width - 1)) - 1  # a block's left column: any but the last
    masks = [int(row.translate(BITS), 2) for row in rows]
    for upper, lower in pairwise(masks):
        dark = upper & lower & (upper >> 1) & (lower >> 1)
        light = ~(upper | lower | (upper >> 1) | (lower >> 1))
        points += 3 * ((dark & inner).bit_count() + (light & inner).bit_count())
    # Rule 3: the shape in a row costs 40. reportlab does not look at the last place it could start, nor in the
    # columns (it compares a column's tuple with its pattern's list: never equal); the shape cannot overlap itself
    points += 40 * sum(row[:-1].count(FINDER_LIKE) for row in rows)
    # Rule 4: each 5 % of dark modules away from half costs 10
    dark_modules = sum(row.count(1) for row in rows)
    return points + 10 * (abs(100 * dark_modules // (width * width) - 50) // 5)


def make_with_best_mask(qr: QRCode) -> None:
    """`qr.make()` with the mask chosen by lost_points: the same matrix, made sooner."""
    if qr.version is None:
        qr.version = qr.calculate_version()
    scores = []
    for pattern in range(8):
        qr.makeImpl(True, pattern)
        scores.append(lost_points(qr.modules))
    qr.makeImpl(False, scores.index(min(scores)))  # the first of the lowest, as reportlab keeps it
