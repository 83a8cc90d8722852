"""The supplier's portal (its address in the supplier profile, journal.supplier; SAP Multichannel Foundation for
Utilities, OData V2): the HTTP transport, the OData calls, the sync engine and the password store. No Qt here: the
window runs the sync in a worker thread through desktop_app.services.sync_service."""
