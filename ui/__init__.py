"""The Qt window of Meter Journal. Talks only to desktop_app services; never opens a database session."""
