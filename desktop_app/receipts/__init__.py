"""Printable documents drawn with reportlab: the PD-4 payment receipt, the readings slip, the yearly report.

The drawing functions take plain records (desktop_app.receipts.data) and return PDF bytes; they never
touch the journal, so a worker thread can draw while the window stays responsive. The service
(desktop_app.services.receipt_service) reads the records in a short session first.
The printed texts are Russian: these are forms for a Russian bank's cashier and the supplier.
"""
