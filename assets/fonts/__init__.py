"""DejaVu fonts for the leaflet (licence beside them)."""
